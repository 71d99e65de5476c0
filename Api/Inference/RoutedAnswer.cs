namespace OrleansAI.Api.Inference;

/// <summary>One node's answer to a call: its output and what it signed it with.</summary>
/// <param name="Node">The provider's address.</param>
/// <param name="Output">The output as float32 values.</param>
/// <param name="OutputBytes">The same output as the bytes the node signed over.</param>
/// <param name="Signature">The node's session-key signature (empty when it sent none).</param>
/// <param name="SessionKey">The session key its sign-in delegated (empty when none).</param>
public sealed record RoutedAnswer(string Node, float[] Output, byte[] OutputBytes, byte[] Signature, byte[] SessionKey);
