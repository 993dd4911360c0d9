// Progressive enhancement only: every page works without this file.
(function () {
    "use strict";

    // A link to a question (…/article/faq#some-question), or to anything inside an answer, opens that answer.
    function openTargetedAnswer() {
        if (!location.hash) {
            return;
        }
        var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
        var item = target && target.closest("details");
        if (item) {
            item.open = true;
            target.scrollIntoView();
        }
    }

    // Printing shows every answer, not just the open ones.
    function openAllAnswersForPrint() {
        document.querySelectorAll("details.faq-item").forEach(function (item) {
            item.open = true;
        });
    }

    document.addEventListener("DOMContentLoaded", openTargetedAnswer);
    window.addEventListener("hashchange", openTargetedAnswer);
    window.addEventListener("beforeprint", openAllAnswersForPrint);
})();
