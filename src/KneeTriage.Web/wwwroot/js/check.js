// Progressive enhancement for the symptom check: the knee diagram toggles the pain-location
// boxes. Everything works without this file; the boxes stay the real control.
(function () {
    "use strict";

    function enhanceDiagram(diagram) {
        var name = diagram.getAttribute("data-knee-diagram");
        var form = diagram.closest("form");
        if (!name || !form) {
            return;
        }

        function boxFor(value) {
            var boxes = form.querySelectorAll('input[type="checkbox"][name="' + name + '"]');
            for (var i = 0; i < boxes.length; i++) {
                if (boxes[i].value === value) {
                    return boxes[i];
                }
            }
            return null;
        }

        var regions = diagram.querySelectorAll(".knee-region[data-value]");

        function sync() {
            regions.forEach(function (region) {
                var box = boxFor(region.getAttribute("data-value"));
                region.classList.toggle("is-selected", !!(box && box.checked));
            });
        }

        regions.forEach(function (region) {
            region.addEventListener("click", function () {
                var box = boxFor(region.getAttribute("data-value"));
                if (box) {
                    box.checked = !box.checked;
                    box.dispatchEvent(new Event("change", { bubbles: true }));
                }
            });
        });

        form.addEventListener("change", function (event) {
            if (event.target && event.target.name === name) {
                sync();
            }
        });

        diagram.classList.add("is-interactive");
        sync();
    }

    document.querySelectorAll("[data-knee-diagram]").forEach(enhanceDiagram);
})();

// A follow-up question asked only when another question has a box ticked (data-reveal-when-any)
// is hidden until one is; without script it simply shows, and the server ignores it if unticked.
(function () {
    "use strict";

    document.querySelectorAll("[data-reveal-when-any]").forEach(function (group) {
        var form = group.closest("form");
        var name = group.getAttribute("data-reveal-when-any");
        if (!form || !name) {
            return;
        }

        // "None of these" and "Not sure" are not a swelling, so they do not ask when it appeared.
        var boxes = form.querySelectorAll('input[type="checkbox"][name="' + name + '"]:not([value="none-of-these"]):not([value="not-sure"])');
        if (boxes.length === 0) {
            return;
        }

        function update() {
            var any = Array.prototype.some.call(boxes, function (box) { return box.checked; });
            group.hidden = !any && !group.classList.contains("form-group-error");
        }

        boxes.forEach(function (box) { box.addEventListener("change", update); });
        update();
    });
})();

// A question shown only when another answer on the same step gives a sign (data-reveal-when-signs:
// the names of those fields), e.g. bladder or saddle numbness after back pain: hidden until a "yes"
// or "not sure" is chosen, or a real box ticked. Without script it simply shows; the server asks for
// an answer only when the answers call for it.
(function () {
    "use strict";

    document.querySelectorAll("[data-reveal-when-signs]").forEach(function (group) {
        var form = group.closest("form");
        var names = (group.getAttribute("data-reveal-when-signs") || "").split(" ").filter(Boolean);
        if (!form || names.length === 0) {
            return;
        }

        var inputs = [];
        names.forEach(function (name) {
            form.querySelectorAll('input[name="' + name + '"]').forEach(function (input) { inputs.push(input); });
        });
        if (inputs.length === 0) {
            return;
        }

        function isSign(input) {
            if (!input.checked) {
                return false;
            }
            return input.type === "radio"
                ? input.value === "yes" || input.value === "not-sure"
                : input.value !== "none-of-these";
        }

        function update() {
            group.hidden = !inputs.some(isSign) && !group.querySelector(".form-group-error") && !group.classList.contains("form-group-error");
        }

        inputs.forEach(function (input) { input.addEventListener("change", update); });
        update();
    });
})();
