using System.Reflection;
using KneeTriage.Web.Pages.Shared;

namespace KneeTriage.Web.Tests.WarningSigns;

/// <summary>
/// The footer's lead ("If you have none of the signs above:") and its doctor's line were C# constants,
/// copies of words the content holds, edited in two places. They are warning-signs.yaml's now
/// (<c>urgent.byService</c>); the code that lays the footer out holds no words a runner reads about
/// the signs (<see cref="PageAction.FollowTheAction"/>, which points at the page's own action, stays).
/// </summary>
public sealed class FooterWordsLiveInTheContentTests
{
    [Theory]
    [InlineData(typeof(FooterWarningLevels))]
    [InlineData(typeof(PageAction))]
    public void TheFootersCodeHoldsNoWordsOfItsOwn(Type type)
    {
        var words = type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.FieldType == typeof(string))
            .Select(field => (Name: field.Name, Value: (string)field.GetRawConstantValue()!))
            .Where(field => field.Value.Contains(' ', StringComparison.Ordinal) && field.Name != nameof(PageAction.FollowTheAction))
            .ToList();

        Assert.True(words.Count == 0, $"{type.Name} holds runner-facing words: {string.Join(", ", words.Select(field => $"{field.Name} = \"{field.Value}\""))}");
    }
}
