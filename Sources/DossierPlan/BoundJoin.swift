import DossierSupport
import DossierDiagnostics
import DossierData

public struct BoundJoin: Sendable {
    public var isLeft: Bool
    public var right: LogicalPlan
    /// Key position on the pipeline's side and on the joined side.
    public var leftKey: Int
    public var rightKey: Int

    package init(isLeft: Bool, right: LogicalPlan, leftKey: Int, rightKey: Int) {
        self.isLeft = isLeft
        self.right = right
        self.leftKey = leftKey
        self.rightKey = rightKey
    }
}
