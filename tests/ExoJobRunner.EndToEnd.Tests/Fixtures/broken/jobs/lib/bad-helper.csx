public static class Helper
{
    public static string Name => undefinedVariable;
}
