// Progressive enhancement for a result page: copy the link, the browser's share sheet, print.
// Each button is hidden in the HTML and shown only where it can work.
(function () {
    "use strict";

    var status = document.querySelector(".share-status");

    function say(message) {
        if (status) {
            status.textContent = message;
        }
    }

    var copy = document.querySelector(".share-copy");
    if (copy && navigator.clipboard && window.isSecureContext) {
        copy.hidden = false;
        copy.addEventListener("click", function () {
            var input = document.getElementById(copy.getAttribute("data-copy-target"));
            if (!input) {
                return;
            }
            navigator.clipboard.writeText(input.value).then(
                function () { say("Link copied."); },
                function () { input.select(); say("Select the link and copy it."); });
        });
    }

    var share = document.querySelector(".share-native");
    if (share && navigator.share) {
        share.hidden = false;
        share.addEventListener("click", function () {
            navigator.share({
                title: share.getAttribute("data-share-title") || document.title,
                url: share.getAttribute("data-share-url")
            }).catch(function () { /* the runner closed the share sheet */ });
        });
    }

    var print = document.querySelector(".share-print");
    if (print && window.print) {
        print.hidden = false;
        print.addEventListener("click", function () { window.print(); });
    }

    // A printed result is the clinician summary on one A4 page, then the result on a second
    // (issue 23): the summary holds every warning answer and each cause's reasons, so print opens
    // it and leaves the other disclosures as they are. check.css opens it in print too, where the
    // browser supports ::details-content; this covers the others. Closed again afterwards.
    var opened = [];
    window.addEventListener("beforeprint", function () {
        document.querySelectorAll("details.clinician-summary:not([open])").forEach(function (d) {
            d.open = true;
            opened.push(d);
        });
    });
    window.addEventListener("afterprint", function () {
        opened.forEach(function (d) { d.open = false; });
        opened = [];
    });

    var url = document.getElementById("share-url");
    if (url) {
        url.addEventListener("focus", function () { url.select(); });
    }
})();
