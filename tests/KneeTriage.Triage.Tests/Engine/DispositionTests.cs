using KneeTriage.Triage.Engine;

namespace KneeTriage.Triage.Tests.Engine;

/// <summary>Contract v1.2, "What to do: disposition, one voice": the one action a result leads with.</summary>
public sealed class DispositionTests
{
    private static readonly TriageEngine Engine = new(ShippedKnowledgeBase.Instance);

    private static Disposition DispositionOf(Func<Answers.AnswerSet, Answers.AnswerSet> change) => Engine.Assess(change(SampleAnswers.Calm)).Disposition;

    public static TheoryData<string, Disposition> Cases => new()
    {
        { "calm", Disposition.SelfCare },
        { "severe pain", Disposition.BookAppointment },
        { "hot red knee", Disposition.SameDay },
        { "breathless", Disposition.CallEmergencyNumber },
        { "cold foot", Disposition.CallEmergencyNumber },
        { "not settling after a run", Disposition.CallEmergencyNumber },
        { "deformity", Disposition.CallEmergencyNumber },
        { "numb after a recent injury", Disposition.CallEmergencyNumber },
        { "hot red knee with fever", Disposition.GoToEmergencyDepartment },
        { "cannot walk after an injury", Disposition.GoToEmergencyDepartment },
        { "hot red knee with fever and breathless", Disposition.CallEmergencyNumber },
    };

    private static Answers.AnswerSet Runner(string name) => name switch
    {
        "calm" => SampleAnswers.Calm,
        "severe pain" => SampleAnswers.Calm.With("pain-severity", 8),
        "hot red knee" => SampleAnswers.Calm.With("hot-red-knee", true),
        "cannot bear weight" => SampleAnswers.Calm.With("cannot-bear-weight", true),
        "breathless" => SampleAnswers.Calm.With("breathless-or-chest-pain", true),
        "cold foot" => SampleAnswers.Calm.WithList("foot-signs", "cold-or-pale"),
        "not settling after a run" => SampleAnswers.Calm.With("not-settling-after-run", true),
        "deformity" => SampleAnswers.Calm.With("deformity", true).With("injury", "blow-or-fall"),
        "numb after a recent injury" => SampleAnswers.Calm.With("injury", "twist").WithList("foot-signs", "numb-or-tingling"),
        "hot red knee with fever" => SampleAnswers.Calm.With("hot-red-knee", true).With("fever", true),
        "cannot walk after an injury" => SampleAnswers.Calm.With("injury", "twist").With("cannot-bear-weight", true),
        "hot red knee with fever and breathless" => SampleAnswers.Calm.With("hot-red-knee", true).With("fever", true).With("breathless-or-chest-pain", true),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such runner."),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void EachRunnerGetsTheContractsDisposition(string runner, Disposition expected)
    {
        var assessment = Engine.Assess(Runner(runner));

        Assert.Equal(expected, assessment.Disposition);
        Assert.Equal(assessment.Urgency, assessment.Disposition.Level());
    }

    [Fact]
    public void AHotRedKneeWithFeverGetsALiftNotAnAmbulance()
    {
        var assessment = Engine.Assess(Runner("hot red knee with fever"));

        Assert.Equal(Disposition.GoToEmergencyDepartment, assessment.Disposition);
        Assert.StartsWith("Go to an emergency department", assessment.Advice.DoNow[0], StringComparison.Ordinal);
        Assert.Contains("Do not walk on it: get a lift; if you cannot, call 999.", assessment.Advice.DoNow);
        Assert.DoesNotContain(assessment.Advice.DoNow, line => line.Contains("ambulance", StringComparison.Ordinal));
    }

    /// <summary>
    /// Walk 12: a runner with a swollen, warm calf was sent "today" to a list that began with places
    /// that treat injuries; a possible clot needs a doctor who can arrange a scan the same day.
    /// </summary>
    [Theory]
    [InlineData("calf swollen and tender")]
    [InlineData("calf swollen")]
    [InlineData("lump behind the knee after a long flight")]
    public void APossibleClotIsToldToSeeADoctorTodayNotAnInjuryUnit(string runner)
    {
        var answers = runner switch
        {
            "calf swollen and tender" => SampleAnswers.Calm.WithList("calf-signs", "swollen", "tender"),
            "calf swollen" => SampleAnswers.Calm.WithList("swelling", "calf"),
            _ => SampleAnswers.Calm.WithList("swelling", "lump-behind-knee").WithList("clot-risk", "long-travel"),
        };

        var assessment = Engine.Assess(answers);

        Assert.Equal(Disposition.SameDay, assessment.Disposition);
        Assert.Equal("Be seen by a doctor today (NHS 111 or an urgent GP appointment).", assessment.Advice.DoNow[0]);
        Assert.DoesNotContain(assessment.Advice.DoNow, line => line.Contains("injuries unit", StringComparison.Ordinal) || line.Contains("treatment centre", StringComparison.Ordinal));
    }

    [Fact]
    public void ASameDayResultFromAnInjurySignAloneKeepsThePlacesThatCanAlsoXRay()
    {
        var assessment = Engine.Assess(Runner("cannot bear weight"));

        Assert.Equal(Disposition.SameDay, assessment.Disposition);
        Assert.Equal("Be seen by a clinician today (NHS 111, an urgent GP appointment, an urgent treatment centre or a minor injuries unit).", assessment.Advice.DoNow[0]);
    }

    /// <summary>A hot knee, no injury, no fever: a possible joint infection, which no injury unit sees.</summary>
    [Fact]
    public void AHotKneeIsSeenByADoctorToday()
    {
        var assessment = Engine.Assess(Runner("hot red knee"));

        Assert.Equal(Disposition.SameDay, assessment.Disposition);
        Assert.Equal("Be seen by a doctor today (NHS 111 or an urgent GP appointment).", assessment.Advice.DoNow[0]);
    }

    [Fact]
    public void ACallToTheEmergencyNumberLeadsWithTheCall()
    {
        var assessment = Engine.Assess(Runner("breathless"));

        Assert.StartsWith("Call 999 now", assessment.Advice.DoNow[0], StringComparison.Ordinal);
    }

    [Fact]
    public void TheRulesTheContractNamesCallTheEmergencyNumberAndNoOthers()
    {
        var calling = ShippedKnowledgeBase.Instance.WarningRules.Where(r => r.CallsEmergencyNumber).Select(r => r.Id).ToHashSet();

        // The contract's table; a rule added for cauda equina or both legs joins it by its own key.
        Assert.Superset(new HashSet<string> { "possible-lung-clot", "cold-or-pale-foot", "acute-compartment-syndrome", "deformity", "nerve-or-blood-supply-signs-after-injury" }, calling);
        Assert.DoesNotContain("suspected-joint-infection", calling);
        Assert.All(ShippedKnowledgeBase.Instance.WarningRules.Where(r => r.CallsEmergencyNumber), r => Assert.Equal(Urgency.Emergency, r.Urgency));
    }

    [Fact]
    public void EveryDispositionHasItsOwnActionFirst()
    {
        var firsts = Enum.GetValues<Disposition>().Select(d => ShippedKnowledgeBase.Instance.Advice.Action[d][0]).ToList();

        Assert.Equal(firsts.Count, firsts.Distinct().Count());
    }

    [Fact]
    public void ContractIdsReadBackToTheSameDisposition()
    {
        foreach (var disposition in Enum.GetValues<Disposition>())
        {
            Assert.True(DispositionIds.TryParse(disposition.ToContractId(), out var read));
            Assert.Equal(disposition, read);
        }

        Assert.False(DispositionIds.TryParse("emergency", out _));
    }

    [Fact]
    public void AnEarlierEmergencyIsACallWhenOneOfItsRulesAsksForOneNow()
    {
        var kb = ShippedKnowledgeBase.Instance;

        Assert.Equal(Disposition.CallEmergencyNumber, EarlierResultReading.DispositionOf(kb, Urgency.Emergency, ["suspected-joint-infection", "possible-lung-clot"]));
        Assert.Equal(Disposition.GoToEmergencyDepartment, EarlierResultReading.DispositionOf(kb, Urgency.Emergency, ["suspected-joint-infection"]));
        Assert.Equal(Disposition.GoToEmergencyDepartment, EarlierResultReading.DispositionOf(kb, Urgency.Emergency, ["a-rule-since-removed"]));
        Assert.Equal(Disposition.SameDay, EarlierResultReading.DispositionOf(kb, Urgency.Urgent, ["hot-red-knee"]));
    }
}
