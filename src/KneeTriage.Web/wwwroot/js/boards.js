// Progressive enhancement for a coach's board: copy buttons for its links, and print for the poster.
// Each button is hidden in the HTML and shown only where it can work; without this script the links
// stay in read-only fields to select and copy.
(function () {
    "use strict";

    document.querySelectorAll(".board-copy-button").forEach(function (button) {
        var input = document.getElementById(button.getAttribute("data-copy-target"));
        var status = button.parentNode.querySelector(".board-copy-status");
        if (!input || !navigator.clipboard || !window.isSecureContext) {
            return;
        }

        button.hidden = false;
        button.addEventListener("click", function () {
            navigator.clipboard.writeText(input.value).then(
                function () { status.textContent = button.getAttribute("data-copy-done"); },
                function () {
                    input.select();
                    status.textContent = "Copying did not work. The link is selected: copy it yourself.";
                });
        });
    });

    var print = document.querySelector(".board-print-button");
    if (print && window.print) {
        print.hidden = false;
        print.addEventListener("click", function () { window.print(); });
    }
})();
