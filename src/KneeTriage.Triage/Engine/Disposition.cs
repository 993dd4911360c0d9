namespace KneeTriage.Triage.Engine;

/// <summary>
/// The one action a result leads with (contract v1.2, "What to do: disposition, one voice"), least
/// pressing first so they compare by order. Emergency splits in two: calling the emergency number,
/// or getting a lift to an emergency department.
/// </summary>
public enum Disposition
{
    SelfCare = 0,
    BookAppointment = 1,
    SameDay = 2,
    GoToEmergencyDepartment = 3,
    CallEmergencyNumber = 4,
}

public static class DispositionIds
{
    public static string ToContractId(this Disposition disposition) => disposition switch
    {
        Disposition.SelfCare => "self-care",
        Disposition.BookAppointment => "book-appointment",
        Disposition.SameDay => "same-day",
        Disposition.GoToEmergencyDepartment => "go-to-emergency-department",
        Disposition.CallEmergencyNumber => "call-emergency-number",
        _ => throw new ArgumentOutOfRangeException(nameof(disposition), disposition, "Unknown disposition."),
    };

    public static bool TryParse(string? id, out Disposition disposition)
    {
        foreach (var candidate in Enum.GetValues<Disposition>())
        {
            if (candidate.ToContractId() == id)
            {
                disposition = candidate;
                return true;
            }
        }

        disposition = default;
        return false;
    }

    /// <summary>
    /// Whether waiting and checking again later is part of the advice (self-care, or an appointment
    /// in the next few days): beside "be seen today" it would be a gentler action.
    /// </summary>
    public static bool LeavesTimeToCheckAgain(this Disposition disposition) => disposition <= Disposition.BookAppointment;

    /// <summary>The urgency level a disposition belongs to.</summary>
    public static Urgency Level(this Disposition disposition) => disposition switch
    {
        Disposition.CallEmergencyNumber or Disposition.GoToEmergencyDepartment => Urgency.Emergency,
        Disposition.SameDay => Urgency.Urgent,
        Disposition.BookAppointment => Urgency.SeeClinician,
        _ => Urgency.SelfCare,
    };

    /// <summary>
    /// The disposition for an urgency. An emergency is a call to the emergency number when any
    /// raised emergency rule asks for one (it wins over a lift to the emergency department).
    /// </summary>
    public static Disposition For(Urgency urgency, bool anEmergencyRuleAsksForACall) => urgency switch
    {
        Urgency.Emergency => anEmergencyRuleAsksForACall ? Disposition.CallEmergencyNumber : Disposition.GoToEmergencyDepartment,
        Urgency.Urgent => Disposition.SameDay,
        Urgency.SeeClinician => Disposition.BookAppointment,
        _ => Disposition.SelfCare,
    };
}
