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
            let message = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "unknown XML error"
            failure = (parser.lineNumber, message)
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

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        text += String(decoding: CDATABlock, as: UTF8.self)
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
        failure = (parser.lineNumber, (parseError as NSError).localizedDescription)
    }

    /// `torznab:attr`, `newznab:attr` (any prefix) or a bare `attr`.
    private static func isAttr(_ name: String) -> Bool {
        name == "attr" || name.hasSuffix(":attr")
    }
}
