using System.Text.Json;
using KneeTriage.Triage.Answers;
using KneeTriage.Web.Api;
using KneeTriage.Web.Submission;

namespace KneeTriage.Web.Tests.Api;

/// <summary>The API's adapter (AnswersJson.ReadValue, which stored answers are read back with too) only translates JSON values; the validator judges them.</summary>
public sealed class JsonAnswersTests
{
    private static AnswerValue Read(string json) => AnswersJson.ReadValue(JsonDocument.Parse(json).RootElement);

    [Fact]
    public void JsonValuesBecomeTheMatchingAnswers()
    {
        Assert.Equal(new NumberAnswer(34), Read("34"));
        Assert.Equal(new NumberAnswer(34.5m), Read("34.5"));
        Assert.Equal(new BooleanAnswer(true), Read("true"));
        Assert.Equal(new TextAnswer("sharp"), Read("\"sharp\""));
        Assert.Equal(new ListAnswer(["a", "b"]), Read("[\"a\", \"b\"]"));
        Assert.Equal(new ListAnswer([]), Read("[]"));
    }

    [Theory]
    [InlineData("12.0")]
    [InlineData("1.2e1")]
    [InlineData("12E0")]
    public void AWholeNumberNotWrittenAsAnIntegerKeepsItsLiteralForTheValidator(string json)
    {
        var answer = Assert.IsType<NumberAnswer>(Read(json));

        Assert.Equal(12m, answer.Value);
        Assert.Equal(json, answer.NonIntegerLiteral);
    }

    [Fact]
    public void AnIntegerLiteralIsAPlainNumber() => Assert.Null(Assert.IsType<NumberAnswer>(Read("12")).NonIntegerLiteral);

    [Theory]
    [InlineData("1e400", "too large")]
    [InlineData("null", "null")]
    [InlineData("{\"a\": 1}", "object")]
    [InlineData("[\"a\", 2]", "a number")]
    [InlineData("[[\"a\"]]", "a list")]
    public void AnythingElseIsUnreadableAndSaysWhatWasSent(string json, string named)
    {
        var answer = Assert.IsType<UnreadableAnswer>(Read(json));

        Assert.Contains(named, answer.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void AQuestionIdSentTwiceIsReported()
    {
        var (answers, repeated) = JsonAnswers.Read(JsonDocument.Parse("{\"age\": 30, \"age\": 40, \"fever\": false}").RootElement);

        Assert.Equal(["age"], repeated.Keys);
        Assert.Equal(new NumberAnswer(30), answers["age"]);
        Assert.True(answers.IsTrue("fever") is false && answers.ContainsKey("fever"));
    }
}
