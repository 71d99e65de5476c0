namespace OrleansAI.Settlement.Tests.Bindings;

/// <summary>What a binding type stands for in a contract's ABI.</summary>
public enum BindingKind
{
    /// <summary>A <c>[Function]</c> message: a call or a transaction.</summary>
    Function,

    /// <summary>An <c>[Event]</c> DTO: a log decoded from receipts or filters.</summary>
    Event,

    /// <summary>A <c>ContractDeploymentMessage</c>: the constructor's arguments.</summary>
    Constructor,

    /// <summary>A <c>[FunctionOutput]</c> DTO: checked through the function that returns it.</summary>
    Output,
}
