using KneeTriage.Triage.Answers;
using KneeTriage.Web.Submission;

namespace KneeTriage.Web.Tests.Submission;

/// <summary>Stored answers read back exactly as they were written, for comparing checks and filling a follow-up.</summary>
public sealed class AnswersJsonTests
{
    [Fact]
    public void StoredAnswersReadBackAsTheyWereWritten()
    {
        var answers = AnswerSet.Empty
            .With("age", new NumberAnswer(38))
            .With("fever", new BooleanAnswer(false))
            .With("pain-type", new TextAnswer("dull-ache"))
            .With("pain-location", new ListAnswer(["back-outer", "above-back"]))
            .With("swelling", new ListAnswer([]));

        var read = AnswersJson.Deserialize(AnswersJson.Serialize(answers));

        Assert.Equal(answers.Keys, read.Keys);
        Assert.Equal(38, read.Integer("age"));
        Assert.False(read.IsTrue("fever"));
        Assert.Equal("dull-ache", read.Choice("pain-type"));
        Assert.Equal(["back-outer", "above-back"], read.Choices("pain-location"));
        Assert.Empty(read.Choices("swelling"));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("{\"age\": {\"nested\": 1}, \"pain-location\": [1, 2], \"fever\": null}")]
    public void WhatSerializeNeverWritesIsLeftOut(string json)
    {
        Assert.Empty(AnswersJson.Deserialize(json));
    }
}
