using System.Collections.Frozen;

namespace ExoJobRunner.Sandbox.Tenancy;

/// <summary>
/// The words generated names are made of. Person names are drawn from <see cref="FirstNames"/> x <see cref="LastNames"/>
/// (6,400 pairs); past that a number is appended ("Adele Vance 2"), which keeps every name and alias unique.
/// All entries are ASCII so aliases and SMTP addresses built from them are valid as they are.
/// </summary>
internal static class NameCatalog
{
    public static readonly IReadOnlyList<string> FirstNames =
    [
        "Adele", "Alex", "Amir", "Ana", "Anders", "Aoife", "Arjun", "Astrid", "Beatriz", "Ben",
        "Bianca", "Carlos", "Chen", "Chloe", "Dario", "Diego", "Dmitri", "Elena", "Emil", "Emma",
        "Farah", "Felix", "Fiona", "Gabriel", "Grace", "Hana", "Hannah", "Hugo", "Ines", "Ivan",
        "Jakob", "Jana", "Javier", "Jin", "Johan", "Julia", "Kai", "Kenji", "Lara", "Leila",
        "Lena", "Leo", "Liam", "Lina", "Lucas", "Luis", "Maja", "Malik", "Marco", "Maria",
        "Mateo", "Mei", "Mia", "Nadia", "Nia", "Nikolai", "Noah", "Nora", "Olga", "Omar",
        "Oscar", "Paula", "Pedro", "Priya", "Rafael", "Rania", "Ravi", "Rosa", "Sakura", "Samir",
        "Sara", "Sebastian", "Sofia", "Sven", "Tariq", "Tessa", "Tomas", "Valentina", "Victor", "Yara",
    ];

    public static readonly IReadOnlyList<string> LastNames =
    [
        "Abara", "Adeyemi", "Alvarez", "Andersen", "Bakker", "Banerjee", "Berg", "Brennan", "Castillo", "Chowdhury",
        "Costa", "Dahl", "Dubois", "Eriksen", "Fischer", "Fontaine", "Garcia", "Goldberg", "Haddad", "Hansen",
        "Horvat", "Ibrahim", "Ito", "Jensen", "Kapoor", "Kaur", "Kim", "Kowalski", "Larsen", "Laurent",
        "Lindqvist", "Lopez", "Mahlangu", "Marino", "Meyer", "Moreau", "Mwangi", "Nakamura", "Novak", "Nowak",
        "Okafor", "Olsen", "Ortega", "Park", "Patel", "Pereira", "Petrov", "Quinn", "Rahman", "Reyes",
        "Rossi", "Sato", "Schmidt", "Silva", "Singh", "Sorensen", "Suzuki", "Tanaka", "Torres", "Tran",
        "Ueda", "Vance", "Varga", "Vasquez", "Virtanen", "Wagner", "Walsh", "Weber", "Wong", "Yamamoto",
        "Yilmaz", "Zhang", "Zielinski", "Acheampong", "Bergstrom", "Cruz", "Delgado", "Eze", "Farouk", "Gallagher",
    ];

    /// <summary>Functions a shared mailbox serves: its alias is the word, its name the capitalized word.</summary>
    public static readonly IReadOnlyList<string> SharedMailboxWords =
    [
        "info", "sales", "support", "billing", "careers", "press", "reception", "projects", "helpdesk", "invoices",
        "orders", "events", "facilities", "legal", "security", "training",
    ];

    public static readonly IReadOnlyList<string> Departments =
    [
        "Sales", "Marketing", "Finance", "Legal", "Engineering", "Support", "Operations", "Human Resources",
        "Research", "Facilities", "Procurement", "IT",
    ];

    public static readonly IReadOnlyList<string> Titles =
    [
        "Analyst", "Engineer", "Manager", "Director", "Specialist", "Consultant", "Coordinator", "Associate",
        "Team Lead", "Administrator", "Architect", "Designer",
    ];

    /// <summary>What a distribution group's name starts with ("All Sales", "Team Finance 2").</summary>
    public static readonly IReadOnlyList<string> DistributionGroupPrefixes = ["All", "Team", "Notify", "Leads"];

    /// <summary>Code names Microsoft 365 groups are named after ("Project Borealis").</summary>
    public static readonly IReadOnlyList<string> ProjectCodeNames =
    [
        "Apollo", "Borealis", "Cascade", "Dune", "Ember", "Fjord", "Glacier", "Harbor", "Iris", "Juniper",
        "Kestrel", "Lumen", "Meridian", "Nimbus", "Orbit", "Pioneer", "Quartz", "Redwood", "Summit", "Tundra",
    ];

    public static readonly IReadOnlyList<City> Cities =
    [
        new("Oslo", "NO", "Norway"),
        new("Lisbon", "PT", "Portugal"),
        new("Dublin", "IE", "Ireland"),
        new("Toronto", "CA", "Canada"),
        new("Austin", "US", "United States"),
        new("Nairobi", "KE", "Kenya"),
        new("Seoul", "KR", "Korea"),
        new("Melbourne", "AU", "Australia"),
        new("Munich", "DE", "Germany"),
        new("Lyon", "FR", "France"),
        new("Krakow", "PL", "Poland"),
        new("Sao Paulo", "BR", "Brazil"),
        new("Mumbai", "IN", "India"),
        new("Osaka", "JP", "Japan"),
        new("Cape Town", "ZA", "South Africa"),
        new("Mexico City", "MX", "Mexico"),
    ];

    /// <summary>
    /// Domains guests and contractors come from. The reserved <c>.example</c> top-level domain guarantees the sandbox
    /// never names a real organization's mail domain.
    /// </summary>
    public static readonly IReadOnlyList<string> PartnerDomains =
    [
        "fabrikam.example", "northwind.example", "tailspin.example", "adatum.example", "litware.example",
        "wingtip.example", "proseware.example", "fourthcoffee.example",
    ];

    public static readonly FrozenSet<string> PartnerDomainSet = PartnerDomains.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
}
