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

        var boxes = form.querySelectorAll('input[type="checkbox"][name="' + name + '"]');
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
