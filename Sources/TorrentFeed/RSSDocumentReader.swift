import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The raw text of one `<item>`, before interpretation.
struct RawFeedItem: Sendable {
    var title = ""
    var link = ""
    var guid = ""
    var description = ""
    var pubDate = ""
    var size = ""
    var categories: [String] = []
    var enclosureURL = ""
    var enclosureLength = ""
    var enclosureType = ""
    /// Torznab/Newznab `attr` name (lower case) → values, in document order.
    var attributes: [String: [String]] = [:]
}

/// Walks an RSS 2.0 document with Foundation's `XMLParser` and collects every `<item>`'s raw text.
/// Namespaces are not processed: `torznab:attr` and `newznab:attr` are matched by their local name.
final class RSSDocumentReader: NSObject, XMLParserDelegate {
    /// Items read so far.
    private(set) var items: [RawFeedItem] = []
    /// True once a `<channel>` element was opened.
    private(set) var sawChannel = false
    /// The name of the document's root element.
    private(set) var rootElement: String?
    /// Line and message of the first error.
    private(set) var failure: (line: Int, message: String)?

    private var current: RawFeedItem?
    private var path: [String] = []
    private var text = ""

    /// Parses `data`; returns false when the XML is malformed (see ``failure``).
    func read(_ data: Data) -> Bool {
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = self
        let ok = parser.parse()
        if !ok, failure == nil {
            failure = (parser.lineNumber, Self.explain(parser.parserError, column: parser.columnNumber))
        }
        return ok && failure == nil
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if rootElement == nil { rootElement = elementName }
        let name = elementName.lowercased()
        path.append(name)
        text = ""
        switch name {
        case "channel": sawChannel = true
        case "item": current = RawFeedItem()
        case "enclosure" where current != nil:
            current?.enclosureURL = attributes["url"] ?? ""
            current?.enclosureLength = attributes["length"] ?? ""
            current?.enclosureType = attributes["type"] ?? ""
        case _ where current != nil && Self.isAttr(name):
            if let key = attributes["name"]?.lowercased(), let value = attributes["value"] {
                current?.attributes[key, default: []].append(value)
            }
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    func parser(_ parser: XMLParser, foundCDATA block: Data) {
        text += String(decoding: block, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        let name = elementName.lowercased()
        defer {
            if !path.isEmpty { path.removeLast() }
            text = ""
        }
        guard current != nil else { return }
        if name == "item" {
            if let item = current { items.append(item) }
            current = nil
            return
        }
        // Only direct children of <item>: a nested element's text is not the item's.
        guard path.count >= 2, path[path.count - 2] == "item" else { return }
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        switch name {
        case "title": current?.title = value
        case "link": current?.link = value
        case "guid": current?.guid = value
        case "description": current?.description = value
        case "pubdate", "dc:date": if current?.pubDate.isEmpty == true { current?.pubDate = value }
        case "size": current?.size = value
        case "category": if !value.isEmpty { current?.categories.append(value) }
        default: break
        }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        guard failure == nil else { return }
        failure = (parser.lineNumber, Self.explain(parseError, column: parser.columnNumber))
    }

    /// A readable reason for an `XMLParser` error (its own text is only "error 76" on Linux). The
    /// codes are libxml2's, which `XMLParser.ErrorCode` mirrors.
    static func explain(_ error: (any Error)?, column: Int) -> String {
        let code = (error as NSError?)?.code ?? 0
        let what =
            switch code {
            case 4: "no start tag: not an XML document"
            case 5: "extra content after the end of the document"
            case 9: "an invalid character"
            case 23: "an entity reference without ';' (a bare '&'?)"
            case 26, 27: "an undefined entity such as &nbsp;"
            case 38: "'<' inside an attribute value"
            case 68: "a name was expected (a bare '&' or '<'?)"
            case 73: "'>' was expected"
            case 76: "a closing tag does not match its opening tag"
            case 77: "an element is not closed"
            default: "XML parser error \(code)"
            }
        return column > 0 ? "\(what) (column \(column))" : what
    }

    /// `torznab:attr`, `newznab:attr` (any prefix) or a bare `attr`.
    private static func isAttr(_ name: String) -> Bool {
        name == "attr" || name.hasSuffix(":attr")
    }
}
