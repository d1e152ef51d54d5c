import Foundation

/// An `Encoder` that builds an ``OrderedJSON`` tree, keeping object keys in the order
/// `encode(to:)` writes them. Supports everything the wire DTOs and `Settings` use: keyed,
/// unkeyed and single-value containers, `encodeNil`, numbers, strings, booleans and `URL`
/// (written as its absolute string, as `JSONEncoder` does).
struct OrderedJSONEncoder {
    /// Errors: a number JSON cannot represent.
    enum Failure: Error, CustomStringConvertible {
        /// A NaN or infinity at the given coding path.
        case nonFinite(codingPath: String)

        /// One sentence naming the coding path.
        var description: String {
            switch self {
            case .nonFinite(let path): "\(path.isEmpty ? "value" : path) is not a finite number and cannot be JSON"
            }
        }
    }

    /// The tree `value` encodes to.
    func encode(_ value: some Encodable) throws -> OrderedJSON {
        let root = JSONNode()
        try root.encode(value, codingPath: [])
        return root.json
    }
}

// MARK: - Tree under construction

/// One value being encoded. A class, because containers handed out by the encoder write into
/// their parent after the call that created them has returned.
final class JSONNode {
    private enum Shape {
        case empty
        case scalar(OrderedJSON)
        case array([JSONNode])
        case object([String], [String: JSONNode])
    }
    private var shape = Shape.empty

    /// The finished value; a value that encoded nothing is `{}`, as with `JSONEncoder`.
    var json: OrderedJSON {
        switch shape {
        case .empty: .object([])
        case .scalar(let value): value
        case .array(let nodes): .array(nodes.map(\.json))
        case .object(let keys, let nodes): .object(keys.map { .init(key: $0, value: nodes[$0]!.json) })
        }
    }

    /// Encodes any value into this node.
    func encode(_ value: some Encodable, codingPath: [any CodingKey]) throws {
        if let scalar = try Self.scalar(value, codingPath: codingPath) {
            shape = .scalar(scalar)
        } else {
            try value.encode(to: NodeEncoder(node: self, codingPath: codingPath))
        }
    }

    /// Makes this node `null`.
    func setNull() { shape = .scalar(.null) }

    /// Makes this node an object, keeping its members if it already is one.
    func makeObject() {
        if case .object = shape { return }
        shape = .object([], [:])
    }

    /// Makes this node an array, keeping its elements if it already is one.
    func makeArray() {
        if case .array = shape { return }
        shape = .array([])
    }

    /// A fresh child under `key`; writing a key again replaces its value in place.
    func child(forKey key: String) -> JSONNode {
        makeObject()
        guard case .object(var keys, var nodes) = shape else { preconditionFailure("not an object") }
        if nodes[key] == nil { keys.append(key) }
        let node = JSONNode()
        nodes[key] = node
        shape = .object(keys, nodes)
        return node
    }

    /// A fresh element at the end of the array.
    func appendChild() -> JSONNode {
        makeArray()
        guard case .array(var nodes) = shape else { preconditionFailure("not an array") }
        let node = JSONNode()
        nodes.append(node)
        shape = .array(nodes)
        return node
    }

    /// Members or elements so far.
    var count: Int {
        switch shape {
        case .array(let nodes): nodes.count
        case .object(let keys, _): keys.count
        default: 0
        }
    }

    /// The JSON form of a leaf value, or `nil` when `value` encodes itself.
    private static func scalar(_ value: some Encodable, codingPath: [any CodingKey]) throws -> OrderedJSON? {
        switch value {
        case let value as Bool: return .bool(value)
        case let value as String: return .string(value)
        case let value as URL: return .string(value.absoluteString)
        case let value as any BinaryInteger: return .number(String(describing: value))
        case let value as Double: return try number(value, codingPath: codingPath)
        case let value as Float: return try number(Double(value), codingPath: codingPath)
        default: return nil
        }
    }

    private static func number(_ value: Double, codingPath: [any CodingKey]) throws -> OrderedJSON {
        guard value.isFinite else {
            throw OrderedJSONEncoder.Failure.nonFinite(codingPath: codingPath.map(\.stringValue).joined(separator: "."))
        }
        if value == value.rounded(), abs(value) < 1e15 { return .number(String(Int64(value))) }
        return .number(String(describing: value))
    }
}

// MARK: - Encoder and containers

/// The `Encoder` handed to `encode(to:)`.
struct NodeEncoder: Encoder {
    /// The node written to.
    let node: JSONNode
    /// Where in the value this container writes.
    let codingPath: [any CodingKey]
    /// None: the DTOs need no context.
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// Turns the node into an object.
    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.makeObject()
        return KeyedEncodingContainer(KeyedNodeContainer<Key>(node: node, codingPath: codingPath))
    }

    /// Turns the node into an array.
    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.makeArray()
        return UnkeyedNodeContainer(node: node, codingPath: codingPath)
    }

    /// Writes the node itself.
    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleNodeContainer(node: node, codingPath: codingPath)
    }
}

/// Writes object members in order.
struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    /// The node written to.
    let node: JSONNode
    /// Where in the value this container writes.
    let codingPath: [any CodingKey]

    /// Writes `null`.
    mutating func encodeNil(forKey key: Key) throws {
        node.child(forKey: key.stringValue).setNull()
    }

    /// Writes a value: a leaf directly, anything else through its `encode(to:)`.
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try node.child(forKey: key.stringValue).encode(value, codingPath: codingPath + [key])
    }

    /// A keyed container for a new child.
    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        NodeEncoder(node: node.child(forKey: key.stringValue), codingPath: codingPath + [key])
            .container(keyedBy: keyType)
    }

    /// An unkeyed container for a new child.
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        NodeEncoder(node: node.child(forKey: key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
    }

    /// An encoder for a new child.
    mutating func superEncoder() -> any Encoder {
        NodeEncoder(node: node.child(forKey: "super"), codingPath: codingPath)
    }

    /// An encoder for a new child.
    mutating func superEncoder(forKey key: Key) -> any Encoder {
        NodeEncoder(node: node.child(forKey: key.stringValue), codingPath: codingPath + [key])
    }
}

/// Writes array elements in order.
struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
    /// The node written to.
    let node: JSONNode
    /// Where in the value this container writes.
    let codingPath: [any CodingKey]
    /// Elements so far.
    var count: Int { node.count }

    /// Writes `null`.
    mutating func encodeNil() throws {
        node.appendChild().setNull()
    }

    /// Writes a value: a leaf directly, anything else through its `encode(to:)`.
    mutating func encode<T: Encodable>(_ value: T) throws {
        try node.appendChild().encode(value, codingPath: codingPath)
    }

    /// A keyed container for a new child.
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        NodeEncoder(node: node.appendChild(), codingPath: codingPath).container(keyedBy: keyType)
    }

    /// An unkeyed container for a new child.
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        NodeEncoder(node: node.appendChild(), codingPath: codingPath).unkeyedContainer()
    }

    /// An encoder for a new child.
    mutating func superEncoder() -> any Encoder {
        NodeEncoder(node: node.appendChild(), codingPath: codingPath)
    }
}

/// Writes one value into the node itself.
struct SingleNodeContainer: SingleValueEncodingContainer {
    /// The node written to.
    let node: JSONNode
    /// Where in the value this container writes.
    let codingPath: [any CodingKey]

    /// Writes `null`.
    mutating func encodeNil() throws {
        node.setNull()
    }

    /// Writes a value: a leaf directly, anything else through its `encode(to:)`.
    mutating func encode<T: Encodable>(_ value: T) throws {
        try node.encode(value, codingPath: codingPath)
    }
}
