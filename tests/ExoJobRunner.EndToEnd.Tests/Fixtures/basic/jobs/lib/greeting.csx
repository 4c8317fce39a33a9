public static class Greeting
{
    public static string For(string who) => $"Hello, {who}!";
}
