using FluentValidation.Results;
using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Triage.Validation;
using KneeTriage.Web.Questionnaire;
using KneeTriage.Web.Submission;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeTriage.Web.Pages.Check;

/// <summary>One step of the symptom check: show the questions with the answers kept so far, save them, move on.</summary>
public sealed class StepModel(
    KnowledgeBase knowledgeBase,
    QuestionnaireFlow flow,
    DraftCookie drafts,
    AnswerSetValidator validator,
    InterruptingSigns interruptingSigns) : PageModel
{
    // Set by both handlers before the page renders; the page is never rendered without a step.
    public QuestionStep Step { get; private set; } = null!;

    public int StepNumber { get; private set; }

    public int StepCount => flow.Steps.Count;

    public bool Change { get; private set; }

    public string BackUrl { get; private set; } = QuestionnaireFlow.StartUrl;

    public IReadOnlyDictionary<string, string[]> Values { get; private set; } = new Dictionary<string, string[]>();

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public bool DraftWasUnreadable { get; private set; }

    /// <summary>This check follows an earlier result ("Check again"), whose answers fill the form (warning questions excepted).</summary>
    public bool IsFollowUp { get; private set; }

    /// <summary>Check again: the earlier answers to warning questions, as hints by field.</summary>
    public IReadOnlyDictionary<string, string> LastTime { get; private set; } = new Dictionary<string, string>();

    /// <summary>Which questions and parts of the step are drawn, given the answers so far.</summary>
    public StepFields Fields { get; private set; } = null!;

    /// <summary>The action of a warning page the runner carried on past, which this step leads with; null before any.</summary>
    public StandingAction? ActionStillStanding { get; private set; }

    public IActionResult OnGet(string stepId, bool change = false)
    {
        var index = flow.IndexOf(stepId);
        if (index < 0)
        {
            return NotFound();
        }

        var reading = drafts.Read(Request);
        if (reading.WasUnreadable)
        {
            drafts.Clear(Response);
        }

        Show(index, change, reading.Draft.Values, reading.Draft.Values);
        ActionStillStanding = interruptingSigns.StillStanding(reading.Draft);
        DraftWasUnreadable = reading.WasUnreadable;
        IsFollowUp = reading.Draft.Follows is not null;
        LastTime = reading.Draft.LastTime;
        return Page();
    }

    public IActionResult OnPost(string stepId, bool change = false)
    {
        var index = flow.IndexOf(stepId);
        if (index < 0)
        {
            return NotFound();
        }

        var step = flow.Steps[index];
        var draft = drafts.Read(Request).Draft;
        var posted = FormAnswers.ReadStep(step, Request.Form);
        // A height or weight asked in feet, inches or pounds: kept as typed and as the contract's cm or kg.
        var measured = MeasuredFields.Read(step, Request.Form);
        foreach (var questionId in measured.AskedIn)
        {
            posted.Remove(questionId);
        }

        foreach (var (field, typed) in measured.Typed.Concat(measured.Metric))
        {
            posted[field] = typed;
        }

        var values = Merge(draft.Values, step, posted);
        var answers = FormAnswers.ToAnswerSet(knowledgeBase, values);
        // Keep what the answer set kept: a follow-up that no longer applies is not shown again.
        values = values
            .Where(v => answers.ContainsKey(v.Key) || knowledgeBase.FindQuestion(v.Key)?.OnlyWhen is null)
            .ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);

        var stepQuestionIds = step.Questions.Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        var result = validator.Validate(answers);
        var errors = ValidationErrors.ByQuestion(result, failure => FormErrorMessages.For(knowledgeBase, failure))
            .Where(e => stepQuestionIds.Contains(e.Key))
            .ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        // The form's own rule: every warning question it shows is answered (a blank is not a "no").
        foreach (var (field, problem) in FormRules.Problems(knowledgeBase, step, posted, answers))
        {
            errors.TryAdd(field, [problem]);
        }

        // In the units it was asked in: "from 66 to 552" pounds, never the kilograms the runner did not type.
        foreach (var question in step.Questions.Where(q => measured.Unreadable.Contains(q.Id) || (measured.AskedIn.Contains(q.Id) && errors.ContainsKey(q.Id))))
        {
            errors[question.Id] = [MeasuredFields.Message(question)];
        }

        // A question asked in parts that is missing is told part by part, not a second time as a whole.
        foreach (var question in step.Questions.Where(q => q.Parts.Any(p => errors.ContainsKey(p.Id))))
        {
            errors.Remove(question.Id);
        }

        if (errors.Count > 0)
        {
            return ShowErrors(index, change, posted, values, draft, errors, LinksToOtherSteps(result, stepQuestionIds, change));
        }

        var isFirstStep = index == 0;
        var saved = draft with
        {
            Values = values,
            CompletedSteps = [.. draft.CompletedSteps.Append(step.Id).Distinct(StringComparer.Ordinal)],
            // Answering the warning signs again means seeing the emergency advice again if it still applies.
            AcknowledgedEmergencies = isFirstStep ? [] : draft.AcknowledgedEmergencies,
        };
        if (!drafts.Write(Response, saved))
        {
            // Never a draft the browser would drop (the step would come round again for ever): say so, keep what was typed.
            return ShowErrors(index, change, posted, values, draft, DraftTooLong.ErrorsFor(step), []);
        }

        // "Not sure" counts as the sign here too, so it interrupts as a yes would.
        if (interruptingSigns.Pending(FormAnswers.ToAssessedAnswers(knowledgeBase, values), saved) is { } interruption)
        {
            return new SeeOtherResult(QuestionnaireFlow.InterruptionUrl(interruption.Level()));
        }

        return new SeeOtherResult(flow.NextUrl(index, change));
    }

    private PageResult ShowErrors(
        int index,
        bool change,
        IReadOnlyDictionary<string, string[]> posted,
        IReadOnlyDictionary<string, string[]> values,
        QuestionnaireDraft draft,
        Dictionary<string, string[]> errors,
        IReadOnlyList<ErrorSummaryItem> otherAnswerLinks)
    {
        Show(index, change, posted, values);
        ActionStillStanding = interruptingSigns.StillStanding(draft);
        IsFollowUp = draft.Follows is not null;
        LastTime = draft.LastTime;
        Errors = errors;
        OtherAnswerLinks = otherAnswerLinks;
        return Page();
    }

    /// <summary>For a contradiction with an answer given on another step: a link to change that answer there.</summary>
    public IReadOnlyList<ErrorSummaryItem> OtherAnswerLinks { get; private set; } = [];

    /// <summary>
    /// Each message once, linked to the first field it is shown beside (a contradiction between two
    /// answers on this step shows beside both), then links to answers on other steps.
    /// </summary>
    public IReadOnlyList<ErrorSummaryItem> ErrorSummary =>
        [
            .. Fields.Questions.Select(FieldFor)
                .SelectMany(shown => shown.Errors.Select(message => new ErrorSummaryItem(message, $"#{shown.InputId}"))
                    .Concat(shown.Parts.SelectMany(part => part.Errors.Select(message => new ErrorSummaryItem(message, $"#{part.Part.Id}")))))
                .DistinctBy(item => item.Message, StringComparer.Ordinal),
            .. OtherAnswerLinks,
        ];

    /// <summary>The viewer's units, which a height and a weight are asked in.</summary>
    public BodyUnits Units => ViewerBodyUnits.Of(HttpContext);

    public QuestionField FieldFor(Question question)
    {
        var isWarning = Fields.IsWarning(question);
        return new QuestionField(question, Values.GetValueOrDefault(question.Id) ?? [], Errors.GetValueOrDefault(question.Id) ?? [])
        {
            IsWarning = isWarning,
            Parts = [.. Fields.PartsOf(question).Select(part => new PartField(
                part,
                Values.GetValueOrDefault(part.Id) ?? [],
                Errors.GetValueOrDefault(part.Id) ?? [],
                isWarning,
                LastTime.GetValueOrDefault(part.Id)))],
            RevealWhenSigns = Fields.RevealWhenSigns(question),
            LastTime = LastTime.GetValueOrDefault(question.Id),
            Activities = question.Type == QuestionType.Activities ? ActivityFields.Rows(Values, LastTime) : [],
            Units = Units,
            MeasuredValues = MeasuredFields.Shown(question, Values, Units),
        };
    }

    /// <summary>
    /// A contradiction is shown on the step where the runner gives the second answer (the first is not
    /// yet known when its own step is saved), or on the step being changed; the other answer may sit on
    /// a step the runner has left, so the summary links to it. The runner may fix either one.
    /// </summary>
    private List<ErrorSummaryItem> LinksToOtherSteps(ValidationResult result, HashSet<string> stepQuestionIds, bool change) =>
        [.. result.Errors
            .Where(e => e.ErrorCode == AnswerErrorCodes.Contradiction && stepQuestionIds.Contains(e.PropertyName))
            .SelectMany(e => e.CustomState is Contradiction contradiction ? contradiction.QuestionIds : [])
            .Where(id => !stepQuestionIds.Contains(id))
            .Distinct(StringComparer.Ordinal)
            .Select(knowledgeBase.FindQuestion)
            .OfType<Question>()
            .Select(q => new ErrorSummaryItem(
                $"Or change your answer to \u201c{q.Text}\u201d",
                $"{QuestionnaireFlow.StepUrl(flow.Steps[flow.IndexOf(q.Step)], change)}#{q.Id}"))];

    /// <param name="values">The values to show in the fields.</param>
    /// <param name="answersSoFar">Every answer so far, which decides the questions and parts shown.</param>
    private void Show(int index, bool change, IReadOnlyDictionary<string, string[]> values, IReadOnlyDictionary<string, string[]> answersSoFar)
    {
        Step = flow.Steps[index];
        Fields = new StepFields(knowledgeBase, Step, FormAnswers.ToAnswerSet(knowledgeBase, answersSoFar));
        StepNumber = index + 1;
        Change = change;
        BackUrl = flow.BackUrl(index, change);
        Values = values;
    }

    private static Dictionary<string, string[]> Merge(IReadOnlyDictionary<string, string[]> kept, QuestionStep step, Dictionary<string, string[]> posted)
    {
        var merged = new Dictionary<string, string[]>(StringComparer.Ordinal);
        // The feet, inches and pounds fields too: a height typed in feet earlier is not kept beside one now given in cm.
        var stepFields = step.Questions.SelectMany(q => FormAnswers.FieldNames(q).Concat(MeasuredFields.ImperialFields(q))).ToHashSet(StringComparer.Ordinal);
        foreach (var (questionId, values) in kept)
        {
            if (!stepFields.Contains(questionId))
            {
                merged[questionId] = values;
            }
        }

        foreach (var (questionId, values) in posted)
        {
            merged[questionId] = values;
        }

        return merged;
    }
}
