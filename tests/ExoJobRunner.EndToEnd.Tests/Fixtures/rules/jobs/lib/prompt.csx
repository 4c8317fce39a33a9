// Works at a desk; at 3 a.m. nobody answers.
string AskRegion() =>
    Console.ReadLine() ?? "emea";
