namespace KneeTriage.Web.Questionnaire;

/// <summary>One line of the "There is a problem" box: the message and a link to the field it is about.</summary>
public sealed record ErrorSummaryItem(string Message, string Href);
