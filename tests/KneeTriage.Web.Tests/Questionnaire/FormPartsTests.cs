using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Data;
using KneeTriage.Web.Progress;
using KneeTriage.Web.Questionnaire;
using KneeTriage.Web.Tests.Infrastructure;

namespace KneeTriage.Web.Tests.Questionnaire;

/// <summary>
/// The form's shapes put back into contract answers with the shipped knowledge base: parts stored as
/// the OR of their signs, "not sure" listed and read as yes, "none of these" as an answer given, and
/// check again's draft.
/// </summary>
public sealed class FormPartsTests
{
    private static readonly KnowledgeBase KnowledgeBase = ShippedKnowledgeBase.Instance;

    private static FormReading Read(params (string Field, string Value)[] raw) =>
        FormAnswers.Read(KnowledgeBase, raw.GroupBy(r => r.Field).ToDictionary(g => g.Key, g => g.Select(r => r.Value).ToArray()));

    [Theory]
    [InlineData("yes", "yes", false)]
    [InlineData("no", "yes", true)]
    [InlineData("yes", "no", true)]
    [InlineData("no", "no", true)]
    public void FourStepsIsTheOrOfTheTwoNoes(string now, string afterInjury, bool cannotBearWeight)
    {
        var reading = Read(("injury", "twist"), ("four-steps-now", now), ("four-steps-after-injury", afterInjury));

        Assert.Equal(new BooleanAnswer(cannotBearWeight), reading.Answers["cannot-bear-weight"]);
        Assert.Empty(reading.Unsure);
    }

    [Fact]
    public void WithoutAnInjuryTheStraightAfterPartIsNotRead()
    {
        var reading = Read(("injury", "none"), ("four-steps-now", "yes"), ("four-steps-after-injury", "no"));

        Assert.Equal(new BooleanAnswer(false), reading.Answers["cannot-bear-weight"]);
    }

    [Fact]
    public void TheStraightLegLiftAnsweredNoStoresTrue()
    {
        Assert.Equal(new BooleanAnswer(true), Read(("injury", "landing"), ("straight-leg-lift", "no")).Answers["cannot-lift-straight-leg"]);
        Assert.Equal(new BooleanAnswer(false), Read(("injury", "landing"), ("straight-leg-lift", "yes")).Answers["cannot-lift-straight-leg"]);
    }

    [Fact]
    public void NotSureOnAPartIsTheSignAndListedUnlessAnotherPartIsSure()
    {
        var unsure = Read(("injury", "twist"), ("four-steps-now", "yes"), ("four-steps-after-injury", "not-sure"));
        Assert.Equal(new BooleanAnswer(true), unsure.Answers["cannot-bear-weight"]);
        Assert.Equal(["cannot-bear-weight"], unsure.Unsure);

        var sure = Read(("injury", "twist"), ("four-steps-now", "no"), ("four-steps-after-injury", "not-sure"));
        Assert.Empty(sure.Unsure);
    }

    [Fact]
    public void CombinedSignsAreTheOrOfTheirYeses()
    {
        Assert.Equal(new BooleanAnswer(true), Read(("low-back-pain", "no"), ("buttock-to-thigh-pain", "yes")).Answers["back-pain"]);
        Assert.Equal(new BooleanAnswer(false), Read(("low-back-pain", "no"), ("buttock-to-thigh-pain", "no")).Answers["back-pain"]);
        Assert.False(Read().Answers.ContainsKey("back-pain"));
    }

    [Fact]
    public void ASignOfTwoFactsAskedOneAtATimeNeedsBoth()
    {
        // Severe pain an hour after a run is the emergency sign only in a tight or hard calf.
        Assert.Equal(new BooleanAnswer(false), Read(("severe-pain-after-run", "yes"), ("tight-calf-after-run", "no")).Answers["not-settling-after-run"]);
        Assert.Equal(new BooleanAnswer(false), Read(("severe-pain-after-run", "no"), ("tight-calf-after-run", "yes")).Answers["not-settling-after-run"]);
        Assert.Equal(new BooleanAnswer(true), Read(("severe-pain-after-run", "yes"), ("tight-calf-after-run", "yes")).Answers["not-settling-after-run"]);
        var unsure = Read(("severe-pain-after-run", "yes"), ("tight-calf-after-run", "not-sure"));
        Assert.Equal(new BooleanAnswer(true), unsure.Answers["not-settling-after-run"]);
        Assert.Contains("not-settling-after-run", unsure.Unsure);
    }

    [Fact]
    public void AnyOneOfTheFeverPartsIsTheSign()
    {
        Assert.Equal(new BooleanAnswer(true), Read(("has-fever", "no"), ("shivers", "no"), ("unwell-all-over", "yes")).Answers["fever"]);
        Assert.Equal(new BooleanAnswer(false), Read(("has-fever", "no"), ("shivers", "no"), ("unwell-all-over", "no")).Answers["fever"]);
    }

    [Fact]
    public void NoneOfTheseFitsStoresNoRunPattern()
    {
        var reading = Read(("run-pattern", "none-of-these"));

        Assert.False(reading.Answers.ContainsKey("run-pattern"));
        Assert.Equal(new TextAnswer("only-after"), Read(("run-pattern", "only-after")).Answers["run-pattern"]);
    }

    [Fact]
    public void NotSureAndNoneOfTheseAreNotStoredAsOptions()
    {
        var reading = Read(("has-fever", "not-sure"), ("shivers", "no"), ("unwell-all-over", "no"), ("foot-signs", "not-sure"), ("calf-signs", "none-of-these"), ("swelling", "calf"), ("swelling", "not-sure"));

        Assert.Equal(new BooleanAnswer(true), reading.Answers["fever"]);
        Assert.Equal(new ListAnswer([]), reading.Answers["foot-signs"]);
        Assert.Equal(new ListAnswer([]), reading.Answers["calf-signs"]);
        Assert.Equal(new ListAnswer(["calf"]), reading.Answers["swelling"]);
        Assert.Equal(["fever", "foot-signs", "swelling"], reading.Unsure.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void CheckAgainFillsInNoWarningAnswerAndKeepsTheRest()
    {
        var earlier = new StoredAssessment
        {
            Token = "t",
            SeriesKey = "t",
            KnowledgeBaseVersion = KnowledgeBase.Version,
            AnswersJson = """{"age": 40, "fever": false, "cannot-bear-weight": false, "calf-signs": []}""",
            ResultJson = "{}",
            CreatedAt = new DateTime(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc),
            Urgency = Triage.Engine.Urgency.SelfCare,
            SeeClinician = false,
            DeleteKeyHash = [],
        };

        var draft = CheckAgainDraft.From(KnowledgeBase, earlier);

        Assert.Equal(["40"], draft.Values["age"]);
        Assert.False(draft.Values.ContainsKey("fever"));
        Assert.False(draft.Values.ContainsKey("calf-signs"));
        Assert.False(draft.Values.ContainsKey("four-steps-now"));
        Assert.Equal("no", draft.LastTime["has-fever"]);
        Assert.Equal("no", draft.LastTime["unwell-all-over"]);
        Assert.Equal("yes", draft.LastTime["four-steps-now"]);
        Assert.Equal("none of these", draft.LastTime["calf-signs"]);
    }

    [Fact]
    public void CheckAgainFillsInThePartsOfAQuestionThatIsNoWarningQuestionAsFarAsTheAnswerTellsThem()
    {
        // The same questions with no warning rules: nothing is a warning question, so all is filled in.
        var noWarnings = new KnowledgeBase
        {
            Version = KnowledgeBase.Version,
            Steps = KnowledgeBase.Steps,
            Conditions = KnowledgeBase.Conditions,
            ReturnToRunning = KnowledgeBase.ReturnToRunning,
        };
        var earlier = Earlier("""{"age": 40, "fever": false, "blood-thinners": false, "back-pain": true, "cannot-lift-straight-leg": true}""");

        var draft = CheckAgainDraft.From(noWarnings, earlier);

        Assert.Equal(["no"], draft.Values["has-fever"]);
        Assert.Equal(["no"], draft.Values["shivers"]);
        Assert.Equal(["no"], draft.Values["takes-blood-thinner"]);
        Assert.Equal(["no"], draft.Values["bleeding-disorder"]);
        Assert.Equal(["no"], draft.Values["straight-leg-lift"]);
        Assert.False(draft.Values.ContainsKey("low-back-pain"));
        Assert.Equal("yes to one of these", draft.LastTime["low-back-pain"]);
    }

    private static StoredAssessment Earlier(string answersJson) => new()
    {
        Token = "t",
        SeriesKey = "t",
        KnowledgeBaseVersion = KnowledgeBase.Version,
        AnswersJson = answersJson,
        ResultJson = "{}",
        CreatedAt = new DateTime(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc),
        Urgency = Triage.Engine.Urgency.SelfCare,
        SeeClinician = false,
        DeleteKeyHash = [],
    };
}
