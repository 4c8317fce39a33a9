using ExoJobRunner.Sandbox.Cmdlets.Output;

namespace ExoJobRunner.Sandbox.Cmdlets.Opath;

/// <summary>
/// Turns a parsed filter into a predicate over one output shape. Property names are resolved once, here, so an unknown
/// property fails before any object is looked at, with Exchange's "is not a recognized filterable property" error.
/// </summary>
internal static class OpathPredicate
{
    public static Func<T, bool> Compile<T>(OpathExpression expression, OutputShape<T> shape, string filter)
    {
        switch (expression)
        {
            case OpathAnd and:
                {
                    var left = Compile(and.Left, shape, filter);
                    var right = Compile(and.Right, shape, filter);
                    return item => left(item) && right(item);
                }

            case OpathOr or:
                {
                    var left = Compile(or.Left, shape, filter);
                    var right = Compile(or.Right, shape, filter);
                    return item => left(item) || right(item);
                }

            case OpathNot not:
                {
                    var operand = Compile(not.Operand, shape, filter);
                    return item => !operand(item);
                }

            case OpathComparison comparison:
                {
                    var read = (shape.Find(comparison.Property)
                        ?? throw ExchangeErrors.FilterProperty(comparison.Property, filter, comparison.Position)).Read;
                    return comparison.Operator switch
                    {
                        OpathOperator.Eq => item => OpathValues.AreEqual(read(item), comparison),
                        OpathOperator.Ne => item => !OpathValues.AreEqual(read(item), comparison),
                        OpathOperator.Like => item => OpathValues.IsLike(read(item), comparison.Value),
                        OpathOperator.NotLike => item => !OpathValues.IsLike(read(item), comparison.Value),
                        OpathOperator.Gt => item => OpathValues.Order(read(item), comparison) > 0,
                        OpathOperator.Ge => item => OpathValues.Order(read(item), comparison) >= 0,
                        OpathOperator.Lt => item => OpathValues.Order(read(item), comparison) < 0,
                        _ => item => OpathValues.Order(read(item), comparison) <= 0,
                    };
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(expression));
        }
    }
}
