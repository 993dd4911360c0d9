using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using KneeTriage.Web.Tests.Infrastructure;

namespace KneeTriage.Web.Tests.Questionnaire;

/// <summary>
/// Fills and posts the symptom check's forms the way a browser without JavaScript would: every
/// hidden field (the antiforgery token among them), plus the answers for the fields on the page.
/// </summary>
public static class CheckForm
{
    /// <summary>
    /// "No" to the warning questions the v1.2 rules added (hip, back, bladder, both legs, bleeding,
    /// infection risk) and "none of these" to the tick-box questions those rules made warnings
    /// (pain triggers, history): the form asks every warning question and takes no blank.
    /// </summary>
    private static readonly IReadOnlyDictionary<string, string[]> NoToTheVersionOnePointTwoWarnings = new Dictionary<string, string[]>
    {
        ["hip-or-groin-ache"] = ["no"],
        ["new-limp"] = ["no"],
        ["low-back-pain"] = ["no"],
        ["buttock-to-thigh-pain"] = ["no"],
        ["saddle-numbness"] = ["no"],
        ["bladder-or-bowel-trouble"] = ["no"],
        ["both-legs"] = ["no"],
        ["pain-triggers"] = ["none-of-these"],
        ["history"] = ["none-of-these"],
        ["takes-blood-thinner"] = ["no"],
        ["bleeding-disorder"] = ["no"],
        ["infection-risk"] = ["none-of-these"],
    };

    /// <summary>A runner with a hamstring tendon problem and no warning signs, as the form would send it.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> SelfCareAnswers = new Dictionary<string, string[]>
    {
        ["breathless-or-chest-pain"] = ["no"],
        ["deformity"] = ["no"],
        ["foot-signs"] = ["none-of-these"],
        ["not-settling-after-run"] = ["no"],
        ["four-steps-now"] = ["yes"],
        // Asked only after an injury: posted only when a test's answers name one.
        ["four-steps-after-injury"] = ["yes"],
        ["straight-leg-lift"] = ["yes"],
        ["hot-red-knee"] = ["no"],
        ["fever"] = ["no"],
        ["calf-signs"] = ["none-of-these"],
        ["clot-risk"] = ["none-of-these"],
        ["calf-cramp-on-exertion"] = ["no"],
        ["pain-type"] = ["dull-ache"],
        ["pain-severity"] = ["4"],
        ["pain-location"] = ["back-outer", "above-back"],
        ["onset"] = ["gradual"],
        ["duration"] = ["3-to-14-days"],
        ["pain-triggers"] = ["after-run", "sitting", "uphill"],
        ["injury"] = ["none"],
        ["swelling"] = ["none-of-these"],
        ["stiffness"] = ["tight-behind-knee"],
        ["mechanical"] = ["none-of-these"],
        ["age"] = ["38"],
        // Questions that become warning questions when v1.2's rules name them: the form then asks
        // for an answer, so the plan has one (a field not on the page is not posted).
        ["low-back-pain"] = ["no"],
        ["buttock-to-thigh-pain"] = ["no"],
        ["hip-or-groin-ache"] = ["no"],
        ["new-limp"] = ["no"],
        ["takes-blood-thinner"] = ["no"],
        ["bleeding-disorder"] = ["no"],
        ["history"] = ["none-of-these"],
        ["infection-risk"] = ["none-of-these"],
        ["training-change"] = ["more-distance"],
        ["tight-muscles"] = ["hamstrings"],
    }.AndNoToTheNewWarnings();

    /// <summary>These answers, with "no" (or "none of these") to every v1.2 warning question they leave out.</summary>
    public static IReadOnlyDictionary<string, string[]> AndNoToTheNewWarnings(this IReadOnlyDictionary<string, string[]> answers) =>
        answers.Concat(NoToTheVersionOnePointTwoWarnings.Where(no => !answers.ContainsKey(no.Key))).ToDictionary(a => a.Key, a => a.Value);

    public static IReadOnlyDictionary<string, string[]> Without(this IReadOnlyDictionary<string, string[]> answers, string questionId) =>
        answers.Where(a => a.Key != questionId).ToDictionary(a => a.Key, a => a.Value);

    public static IReadOnlyDictionary<string, string[]> With(this IReadOnlyDictionary<string, string[]> answers, string questionId, params string[] values)
    {
        var copy = answers.ToDictionary(a => a.Key, a => a.Value);
        copy[questionId] = values;
        return copy;
    }

    /// <summary>
    /// Yes/no questions the form asks one fact at a time (askedAs parts, each with its sign on
    /// "yes"): an answer plan may name the question, and it is posted as its parts. "Any" questions
    /// take a yes on the first part; "every" questions (both facts needed) on all of them.
    /// </summary>
    private static readonly IReadOnlyDictionary<string, (string[] Parts, bool EveryNeeded)> AskedInParts = new Dictionary<string, (string[], bool)>
    {
        ["breathless-or-chest-pain"] = (["newly-breathless", "chest-pain", "coughed-up-blood"], false),
        ["fever"] = (["has-fever", "shivers", "unwell-all-over"], false),
        ["not-settling-after-run"] = (["severe-pain-after-run", "tight-calf-after-run"], true),
    };

    /// <summary>The answers with each question the form asks in parts written as its parts (parts named in the plan win).</summary>
    public static IReadOnlyDictionary<string, string[]> AsFormFields(this IReadOnlyDictionary<string, string[]> answers)
    {
        var fields = answers.ToDictionary(a => a.Key, a => a.Value);
        foreach (var (questionId, (parts, everyNeeded)) in AskedInParts)
        {
            if (!answers.TryGetValue(questionId, out var value))
            {
                continue;
            }

            for (var i = 0; i < parts.Length; i++)
            {
                var partValue = value is ["yes"] && !everyNeeded && i > 0 ? ["no"] : value;
                fields.TryAdd(parts[i], partValue);
            }
        }

        return fields;
    }

    /// <summary>Posts the page's form with the answers for its fields; answers for other pages are left out.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, HtmlPage page, IReadOnlyDictionary<string, string[]> answers, string formSelector = "form.check-form, main form")
    {
        answers = answers.AsFormFields();
        var form = page.Document.QuerySelector<IHtmlFormElement>(formSelector)
            ?? throw new InvalidOperationException($"No form matching '{formSelector}' on {page.Url}.");
        var fieldNames = form.QuerySelectorAll("input[name]:not([type=hidden])").Select(i => i.GetAttribute("name")!).ToHashSet();
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var hidden in form.QuerySelectorAll("input[type=hidden][name]"))
        {
            fields.Add(new(hidden.GetAttribute("name")!, hidden.GetAttribute("value") ?? string.Empty));
        }

        foreach (var (name, values) in answers)
        {
            if (fieldNames.Contains(name))
            {
                fields.AddRange(values.Select(v => new KeyValuePair<string, string>(name, v)));
            }
        }

        return await PostAsync(client, page, form, fields);
    }

    /// <summary>Posts a form exactly as it stands (hidden fields only), e.g. a submit or delete button.</summary>
    public static Task<HttpResponseMessage> SubmitAsIsAsync(HttpClient client, HtmlPage page, string formSelector)
    {
        var form = page.Document.QuerySelector<IHtmlFormElement>(formSelector)
            ?? throw new InvalidOperationException($"No form matching '{formSelector}' on {page.Url}.");
        var fields = form.QuerySelectorAll("input[type=hidden][name]")
            .Select(h => new KeyValuePair<string, string>(h.GetAttribute("name")!, h.GetAttribute("value") ?? string.Empty))
            .ToList();
        return PostAsync(client, page, form, fields);
    }

    /// <summary>Walks every step with these answers from <paramref name="url"/> (the start by default), following redirects by hand, and returns the review page.</summary>
    public static async Task<HtmlPage> AnswerEveryStepAsync(HttpClient client, IReadOnlyDictionary<string, string[]> answers, string url = "/check/warning-signs")
    {
        for (var guard = 0; guard < 10 && url != "/check/review"; guard++)
        {
            var page = await HtmlPage.LoadAsync(client, url);
            using var response = await SubmitAsync(client, page, answers);
            Assert.True(response.StatusCode == HttpStatusCode.SeeOther, $"Posting {url} answered {(int)response.StatusCode}, expected 303 to the next step: {await response.Content.ReadAsStringAsync()}");
            url = response.Headers.Location!.OriginalString;
            if (url is "/check/emergency" or "/check/urgent")
            {
                return await HtmlPage.LoadAsync(client, url);
            }
        }

        return await HtmlPage.LoadAsync(client, "/check/review");
    }

    /// <summary>Answers every step, carrying on past any interruption, and returns the review page.</summary>
    public static async Task<HtmlPage> ReachReviewAsync(HttpClient client, IReadOnlyDictionary<string, string[]> answers)
    {
        var review = await AnswerEveryStepAsync(client, answers);
        for (var guard = 0; guard < 10 && review.Url is "/check/emergency" or "/check/urgent"; guard++)
        {
            // An interruption: the runner reads it and carries on, as the result still shows the sign.
            using var carryOn = await SubmitAsIsAsync(client, review, "main form");
            review = await AnswerEveryStepAsync(client, answers, carryOn.Headers.Location!.OriginalString);
        }

        return review;
    }

    /// <summary>Answers every step (carrying on past any interruption) and submits on the review page; returns the result's path.</summary>
    public static async Task<string> CompleteCheckAsync(HttpClient client, IReadOnlyDictionary<string, string[]> answers)
    {
        var review = await ReachReviewAsync(client, answers);
        using var response = await SubmitAsIsAsync(client, review, "main form.actions");
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, HtmlPage page, IElement form, List<KeyValuePair<string, string>> fields)
    {
        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? page.Url : action;
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(target, content);
    }
}
