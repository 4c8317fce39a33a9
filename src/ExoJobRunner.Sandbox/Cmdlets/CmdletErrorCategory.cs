namespace ExoJobRunner.Sandbox.Cmdlets;

/// <summary>How a failed cmdlet is answered over HTTP: the status and the <c>error.code</c> Exchange uses for it.</summary>
internal enum CmdletErrorCategory
{
    /// <summary>400 <c>BadRequest</c>: the caller's input was wrong (unknown parameter, bad value, invalid filter).</summary>
    BadRequest,

    /// <summary>404 <c>NotFound</c>: an identity matched nothing.</summary>
    NotFound,

    /// <summary>401 <c>Unauthorized</c>: the app may not run this cmdlet.</summary>
    Unauthorized,
}
