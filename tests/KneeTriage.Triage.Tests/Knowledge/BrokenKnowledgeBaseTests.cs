using KneeTriage.Triage.Knowledge;

namespace KneeTriage.Triage.Tests.Knowledge;

/// <summary>A copy of the shipped knowledge base with one mistake must fail to load, naming the file and the entry.</summary>
public sealed class BrokenKnowledgeBaseTests : IDisposable
{
    private readonly string _copy = Path.Combine(Path.GetTempPath(), "kt-kb-" + Guid.NewGuid().ToString("N"));

    public BrokenKnowledgeBaseTests()
    {
        Directory.CreateDirectory(_copy);
        foreach (var file in Directory.GetFiles(ShippedKnowledgeBase.Directory))
        {
            File.Copy(file, Path.Combine(_copy, Path.GetFileName(file)));
        }
    }

    public void Dispose() => Directory.Delete(_copy, recursive: true);

    private void Break(string file, string find, string replaceWith)
    {
        var path = Path.Combine(_copy, file);
        var text = File.ReadAllText(path);
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"The test expected '{find}' in {file}; the shipped file has changed.");
        File.WriteAllText(path, string.Concat(text.AsSpan(0, at), replaceWith, text.AsSpan(at + find.Length)));
    }

    private string LoadError()
    {
        var error = Assert.Throws<KnowledgeBaseException>(() => KnowledgeBaseLoader.Load(_copy));
        return error.Message;
    }

    [Fact]
    public void AnIntactCopyLoadsWithTheSameVersion() =>
        Assert.Equal(ShippedKnowledgeBase.Instance.Version, KnowledgeBaseLoader.Load(_copy).Version);

    [Fact]
    public void AnyEditGivesANewVersion()
    {
        Break("advice.yaml", "Take the symptom check again", "Please take the symptom check again");

        Assert.NotEqual(ShippedKnowledgeBase.Instance.Version, KnowledgeBaseLoader.Load(_copy).Version);
    }

    [Fact]
    public void AnActivitiesQuestionWithoutItsScaleWordsIsRejected()
    {
        // Without them the form and the read-back could not say which end of the score is good.
        var questions = File.ReadAllText(Path.Combine(_copy, "questions.yaml"));
        var scale = questions[questions.IndexOf("        scale:\n", StringComparison.Ordinal)..];
        Break("questions.yaml", scale, string.Empty);

        Assert.Contains("an activities question needs 'scale'", LoadError(), StringComparison.Ordinal);
    }

    [Fact]
    public void ScaleWordsOnAQuestionOtherThanActivitiesAreRejected()
    {
        Break("questions.yaml", "        askedAfresh: true\n", "        askedAfresh: true\n        scale: {direction: a, scoreLabel: b, readBack: c}\n");

        Assert.Contains("only an activities question has 'scale'", LoadError(), StringComparison.Ordinal);
    }

    [Fact]
    public void EvidenceNamingAnUnknownQuestionIsRejectedWithFileConditionAndId()
    {
        Break("evidence.yaml", "{question: pain-location, has: above-back}", "{question: pain-locaton, has: above-back}");

        var message = LoadError();

        Assert.Contains("evidence.yaml line", message, StringComparison.Ordinal);
        Assert.Contains("'hamstring-tendinopathy'", message, StringComparison.Ordinal);
        Assert.Contains("unknown question 'pain-locaton'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARuleNamingAnUnknownOptionIsRejectedWithTheRuleAndTheKnownOptions()
    {
        Break("warning-rules.yaml", "{question: mechanical, has: locking}", "{question: mechanical, has: locked}");

        var message = LoadError();

        Assert.Contains("warning-rules.yaml line", message, StringComparison.Ordinal);
        Assert.Contains("rule 'locked-knee'", message, StringComparison.Ordinal);
        Assert.Contains("'locked' is not an option of 'mechanical'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void EvidenceForAnUnknownConditionIsRejected()
    {
        Break("evidence.yaml", "  calf-strain:\n", "  calf-strian:\n");

        Assert.Contains("'calf-strian' is not a condition", LoadError(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(".nan")]
    [InlineData(".inf")]
    [InlineData("heavy")]
    public void ANonFiniteWeightIsRejected(string weight)
    {
        Break("evidence.yaml", "weight: 1.4", "weight: " + weight);

        var message = LoadError();

        Assert.Contains("evidence.yaml line", message, StringComparison.Ordinal);
        Assert.Contains("finite number", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AConditionWithoutAnArticleAnchorIsRejected()
    {
        Break("conditions.yaml", "learnMore: /article/causes#bakers-cyst", "learnMore: /article/causes");

        var message = LoadError();

        Assert.Contains("conditions.yaml line", message, StringComparison.Ordinal);
        Assert.Contains("condition 'bakers-cyst'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void ATemperatureBelowOneIsRejectedBecauseItWouldExaggerateCertainty()
    {
        Break("conditions.yaml", "scoreTemperature: 1.5", "scoreTemperature: 0.5");

        Assert.Contains("scoreTemperature", LoadError(), StringComparison.Ordinal);
    }

    [Fact]
    public void ARepeatedQuestionIdIsRejected()
    {
        Break("questions.yaml", "- id: height-cm", "- id: age");

        Assert.Contains("the question id 'age' is used twice", LoadError(), StringComparison.Ordinal);
    }

    [Fact]
    public void AnAcceptsPhraseThatDoesNotNameEveryOptionIsRejected()
    {
        Break("questions.yaml", "accepts: one of sudden, over-hours, gradual", "accepts: one of sudden, over-hours");

        Assert.Contains("question 'onset'", LoadError(), StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownKeyIsRejectedSoTyposDoNotPassSilently()
    {
        Break("warning-rules.yaml", "    urgency: emergency\n", "    urgncy: emergency\n");

        Assert.Contains("unknown key 'urgncy'", LoadError(), StringComparison.Ordinal);
    }

    [Fact]
    public void BrokenYamlNamesTheFileAndLine()
    {
        Break("advice.yaml", "selfCareCauses: 2", "selfCareCauses: [2");

        Assert.Matches(@"^advice\.yaml line \d+", LoadError());
    }

    [Fact]
    public void AMissingFileIsNamed()
    {
        File.Delete(Path.Combine(_copy, "warning-rules.yaml"));

        Assert.Contains("warning-rules.yaml", LoadError(), StringComparison.Ordinal);
    }

    /// <summary>The 1-based line of the first occurrence of <paramref name="text"/> in the copied file.</summary>
    private int LineOf(string file, string text)
    {
        var lines = File.ReadAllLines(Path.Combine(_copy, file));
        var index = Array.FindIndex(lines, line => line.Contains(text, StringComparison.Ordinal));
        Assert.True(index >= 0, $"The test expected '{text}' in {file}; the shipped file has changed.");
        return index + 1;
    }

    [Fact]
    public void AContradictionNamingAnUnknownQuestionIsRejectedWithFileLineAndEntry()
    {
        Break("contradictions.yaml", "questions: [pain-type, pain-severity]", "questions: [pain-type, pain-severty]");
        var line = LineOf("contradictions.yaml", "pain-severty");

        var message = LoadError();

        Assert.StartsWith($"contradictions.yaml line {line}, contradiction 'no-pain-with-severity' > questions > item 2: ", message, StringComparison.Ordinal);
        Assert.Contains("unknown question 'pain-severty'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AContradictionWhoseCriterionNamesAnUnknownQuestionIsRejectedWithTheEntry()
    {
        Break("contradictions.yaml", "{question: pain-severity, over: 0}", "{question: pain-severty, over: 0}");
        var line = LineOf("contradictions.yaml", "pain-severty");

        var message = LoadError();

        Assert.StartsWith($"contradictions.yaml line {line}, contradiction 'no-pain-with-severity' > when > all > item 2", message, StringComparison.Ordinal);
        Assert.Contains("unknown question 'pain-severty'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AContradictionWhoseCriterionUsesAQuestionItDoesNotListIsRejected()
    {
        Break("contradictions.yaml", "{question: pain-severity, over: 0}", "{question: age, over: 0}");

        var message = LoadError();

        Assert.Contains("contradiction 'no-pain-with-severity' > when", message, StringComparison.Ordinal);
        Assert.Contains("'when' uses 'age', which is not listed under 'questions'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AContradictionWithOneQuestionIsRejected()
    {
        Break("contradictions.yaml", "questions: [pain-type, pain-severity]", "questions: [pain-type]");

        Assert.Contains("a contradiction involves at least two questions", LoadError(), StringComparison.Ordinal);
    }

    [Fact]
    public void AMessagePlaceholderForAQuestionNotInTheContradictionIsRejected()
    {
        Break("contradictions.yaml", "a pain severity of {pain-severity} out of 10", "a pain severity of {pain-severty} out of 10");

        var message = LoadError();

        Assert.Contains("contradiction 'no-pain-with-severity' > message", message, StringComparison.Ordinal);
        Assert.Contains("'{pain-severty}'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARepeatedContradictionIdIsRejected()
    {
        Break("contradictions.yaml", "- id: no-pain-with-location", "- id: no-pain-with-severity");

        Assert.Contains("the contradiction id 'no-pain-with-severity' is used twice", LoadError(), StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingContradictionsFileIsNamed()
    {
        File.Delete(Path.Combine(_copy, "contradictions.yaml"));

        Assert.Contains("contradictions.yaml: the file is missing", LoadError(), StringComparison.Ordinal);
    }

    [Fact]
    public void AWarningSignNamingAMissingRuleIsRejectedWithTheFileLineAndSign()
    {
        Break("warning-signs.yaml", "rules: [locked-knee]", "rules: [locked-knees]");

        var message = LoadError();

        Assert.Matches(@"^warning-signs\.yaml line \d+", message);
        Assert.Contains("sign 'locked-knee'", message, StringComparison.Ordinal);
        Assert.Contains("'locked-knees' is not a rule in warning-rules.yaml", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmergencyRuleSummedUpAsAnUrgentSignIsRejected()
    {
        // The footer once said a hot knee with a fever needs NHS 111 the same day; the rule says 999.
        Break("warning-signs.yaml", "rules: [hot-red-knee, hot-swollen-painful-knee]", "rules: [hot-red-knee, hot-swollen-painful-knee, suspected-joint-infection]");

        var message = LoadError();

        Assert.Matches(@"^warning-signs\.yaml line \d+", message);
        Assert.Contains("group 'urgent' > sign 'hot-red-knee'", message, StringComparison.Ordinal);
        Assert.Contains("the rule 'suspected-joint-infection' is emergency", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmergencyRuleThatNoSignNamesIsRejected()
    {
        Break("warning-signs.yaml", "rules: [suspected-joint-infection]", "rules: [deformity]");

        var message = LoadError();

        Assert.Matches(@"^warning-signs\.yaml line \d+, group 'emergency'", message);
        Assert.Contains("the emergency rule 'suspected-joint-infection' in warning-rules.yaml is named by no sign", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("emergency")]
    [InlineData("urgent")]
    public void ANewRuleCannotBeAddedWithoutTheWarningSignThatTellsRunners(string urgency)
    {
        Break(
            "warning-rules.yaml",
            "  # ---------------------------------------------------------------- urgent\n",
            $"  - id: brand-new-rule\n    urgency: {urgency}\n    when: {{question: deformity, isTrue: true}}\n    message: A new sign.\n    source: a test\n\n"
                + "  # ---------------------------------------------------------------- urgent\n");

        var message = LoadError();

        Assert.StartsWith("warning-signs.yaml line", message, StringComparison.Ordinal);
        Assert.Contains($"the {urgency} rule 'brand-new-rule'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASeeClinicianRuleNeedNotHaveAWarningSign()
    {
        Break("warning-signs.yaml", "rules: [long-morning-stiffness]", "rules: [severe-pain]");

        Assert.NotEmpty(KnowledgeBaseLoader.Load(_copy).WarningSigns);
    }

    /// <summary>
    /// The walkers' hot, red knee with a fever: "go to an emergency department" on the result, "call
    /// 999" in the footer. A get-help line that names a sign of another action does not load.
    /// </summary>
    [Fact]
    public void AGetHelpLineNamingASignOfAnotherActionIsRejected()
    {
        Break("advice.yaml", "warningSigns: [breathless-or-chest-pain]", "warningSigns: [hot-red-knee-with-fever]");

        var message = LoadError();

        Assert.Matches(@"^advice\.yaml line \d+", message);
        Assert.Contains("the sign 'hot-red-knee-with-fever' leads to go-to-emergency-department in warning-signs.yaml (by its rules), not call-emergency-number", message, StringComparison.Ordinal);
    }

    /// <summary>An action line's other words for a rule of another level would never show.</summary>
    [Fact]
    public void AnActionLinesWordsForARuleOfAnotherActionAreRejected()
    {
        Break("advice.yaml", "          - unexplained-calf-swelling\n", "          - acute-compartment-syndrome\n");

        var message = LoadError();

        Assert.Matches(@"^advice\.yaml line \d+", message);
        Assert.Contains("the rule 'acute-compartment-syndrome' leads to call-emergency-number, not same-day", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnActionLinesWordsForAnUnknownRuleAreRejected()
    {
        Break("advice.yaml", "          - suspected-clot\n", "          - suspected-clots\n");

        Assert.Contains("'suspected-clots' is not a rule in warning-rules.yaml", LoadError(), StringComparison.Ordinal);
    }

    /// <summary>Without them the signs that go to an emergency department would read "call 999", the group's words.</summary>
    [Fact]
    public void AnEmergencyGroupWithoutWordsForTheSignsThatGoIsRejected()
    {
        Break("warning-signs.yaml", "  goToEmergencyDepartment:\n    heading: Go to an emergency department (A&E) now\n    advice: >-\n      Do not walk on it: get a lift; if you cannot, call 999. Do not drive yourself, and do not\n      wait to finish the symptom check.\n", "");

        var message = LoadError();

        Assert.StartsWith("warning-signs.yaml line", message, StringComparison.Ordinal);
        Assert.Contains("hot-red-knee-with-fever", message, StringComparison.Ordinal);
        Assert.Contains("add 'goToEmergencyDepartment'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingWarningSignsFileIsNamed()
    {
        File.Delete(Path.Combine(_copy, "warning-signs.yaml"));

        Assert.Contains("warning-signs.yaml: the file is missing", LoadError(), StringComparison.Ordinal);
    }

    [Fact]
    public void AnUrgentSignWithoutItsShortWordsForTheFooterIsRejected()
    {
        Break("warning-signs.yaml", "      short: a locked knee\n", string.Empty);

        var message = LoadError();

        Assert.Contains("sign 'locked-knee'", message, StringComparison.Ordinal);
        Assert.Contains("'short' is missing", message, StringComparison.Ordinal);
    }

    [Fact]
    public void ACallToTheEmergencyNumberOnARuleBelowEmergencyIsRejected()
    {
        Break("warning-rules.yaml", "  - id: hot-red-knee\n    urgency: urgent\n", "  - id: hot-red-knee\n    urgency: urgent\n    disposition: call-emergency-number\n");

        var message = LoadError();

        Assert.Contains("warning-rules.yaml line", message, StringComparison.Ordinal);
        Assert.Contains("rule 'hot-red-knee'", message, StringComparison.Ordinal);
        Assert.Contains("only for emergency rules", message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARuleDispositionOtherThanACallIsRejected()
    {
        Break("warning-rules.yaml", "    disposition: call-emergency-number\n", "    disposition: go-to-emergency-department\n");

        Assert.Contains("the only one is 'call-emergency-number'", LoadError(), StringComparison.Ordinal);
    }

    [Fact]
    public void AnAdviceFileWithoutAnActionForADispositionIsRejected()
    {
        Break("advice.yaml", "  same-day:\n", "  same-dya:\n");

        Assert.Contains("'same-dya' is not a disposition", LoadError(), StringComparison.Ordinal);
    }

    [Fact]
    public void APlanSourceWithoutItsCitationIsRejected()
    {
        Break("return-to-running.yaml", "  - number: 99\n", "  - number: 199\n");

        var message = LoadError();

        Assert.Contains("return-to-running.yaml line", message, StringComparison.Ordinal);
        Assert.Contains("no citation for src 99", message, StringComparison.Ordinal);
    }
}
