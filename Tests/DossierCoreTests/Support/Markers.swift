/// Position markers in test sources, as swift-syntax's tests use them: `1️⃣` stands for a
/// byte offset and is removed from the text.
struct MarkedSource {
    let text: String
    /// Marker name → UTF-8 offset in `text`.
    let markers: [String: Int]

    static let names = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣"]

    init(_ marked: String) {
        var text = ""
        var markers: [String: Int] = [:]
        var rest = Substring(marked)
        while !rest.isEmpty {
            if let name = MarkedSource.names.first(where: { rest.hasPrefix($0) }) {
                markers[name] = text.utf8.count
                rest = rest.dropFirst(name.count)
            } else {
                text.append(rest.removeFirst())
            }
        }
        self.text = text
        self.markers = markers
    }

    subscript(_ name: String) -> Int { markers[name] ?? -1 }
}
