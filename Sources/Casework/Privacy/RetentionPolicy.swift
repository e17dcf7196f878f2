public import Foundation

/// How long records are kept, per record kind, before they fall due for erasure. Read from
/// `<data>/retention.json` (see ``read(dataFolder:)``); the defaults apply when it is absent.
///
/// ```json
/// {"clientFileYearsAfterLastCaseClosed": 7, "membershipYearsAfterLapse": 7}
/// ```
public struct RetentionPolicy: Sendable, Hashable, Codable {
    /// The file in a data folder that holds the policy.
    public static let fileName = "retention.json"
    /// The range a number of years must fall in.
    public static let yearsAllowed = 1...100

    /// A client file falls due this many years after its last case was closed (or after
    /// registration when no case was ever opened); never while a case is open.
    public var clientFileYearsAfterLastCaseClosed: Int
    /// A membership falls due this many years after it lapsed (while it stays lapsed).
    public var membershipYearsAfterLapse: Int

    /// The defaults: seven years for both (IRCC contracts ask funded agencies to keep client
    /// records seven years after the service ends).
    public init(clientFileYearsAfterLastCaseClosed: Int = 7, membershipYearsAfterLapse: Int = 7) {
        self.clientFileYearsAfterLastCaseClosed = clientFileYearsAfterLastCaseClosed
        self.membershipYearsAfterLapse = membershipYearsAfterLapse
    }

    /// The policy in `<dataFolder>/retention.json`, or the defaults when there is no such file.
    /// - Throws: ``RetentionPolicyError`` naming the file, the field and the problem.
    public static func read(dataFolder: String) throws(RetentionPolicyError) -> RetentionPolicy {
        let path = dataFolder + "/" + fileName
        guard let bytes = FileManager.default.contents(atPath: path) else { return RetentionPolicy() }
        return try parse(bytes, source: path)
    }

    /// The policy in `bytes` (JSON); fields left out keep their defaults.
    public static func parse(_ bytes: Data, source: String) throws(RetentionPolicyError) -> RetentionPolicy {
        guard let object = try? JSONSerialization.jsonObject(with: bytes) as? [String: Any] else {
            throw RetentionPolicyError(source: source, field: "(file)", problem: "is not a JSON object")
        }
        let rules: [(name: String, field: WritableKeyPath<RetentionPolicy, Int>)] = [
            ("clientFileYearsAfterLastCaseClosed", \.clientFileYearsAfterLastCaseClosed),
            ("membershipYearsAfterLapse", \.membershipYearsAfterLapse),
        ]
        let known = rules.map(\.name)
        if let unknown = object.keys.sorted().first(where: { !known.contains($0) }) {
            throw RetentionPolicyError(source: source, field: unknown, problem: "is not a retention rule (known: \(known.joined(separator: ", ")))")
        }
        var policy = RetentionPolicy()
        for (name, field) in rules {
            guard let value = object[name] else { continue }
            let single = try? JSONSerialization.data(withJSONObject: [name: value])
            guard let years = single.flatMap({ try? JSONDecoder().decode([String: Int].self, from: $0)[name] }), yearsAllowed.contains(years) else {
                throw RetentionPolicyError(source: source, field: name, problem: "must be a whole number of years from \(yearsAllowed.lowerBound) to \(yearsAllowed.upperBound)")
            }
            policy[keyPath: field] = years
        }
        return policy
    }
}

/// A retention policy file that cannot be used, and why.
public struct RetentionPolicyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file.
    public let source: String
    /// The field at fault.
    public let field: String
    /// What is wrong with it.
    public let problem: String

    /// The error for `field` of `source`.
    public init(source: String, field: String, problem: String) {
        self.source = source
        self.field = field
        self.problem = problem
    }

    public var description: String { "\(source): \(field) \(problem)" }
}
