import DossierSupport

/// A standalone SVG document built as text: every attribute inline (a newsroom CMS may strip
/// `<style>`), no scripts, fonts or images from elsewhere, a white background so it reads on
/// a dark page too, and a `<title>` and `<desc>` for screen readers.
package struct SVGDocument {
    package let width: Double
    package let height: Double
    private var body = ""

    /// Fonts every system has one of; no web font is loaded.
    package static let fontFamily = "DejaVu Sans, Helvetica, Arial, sans-serif"
    /// Roughly how wide a character of `size` is in those fonts, for laying out labels.
    package static func textWidth(_ text: String, size: Double) -> Double {
        Double(DisplayWidth.of(text)) * size * 0.6
    }

    package init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    package mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, label: String? = nil) {
        body += "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(max(0, width)))\" height=\"\(n(max(0, height)))\" fill=\"\(fill)\""
        if let label { body += "><title>\(SVGDocument.escape(label))</title></rect>\n" } else { body += "/>\n" }
    }

    package mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1) {
        body += "<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(n(width))\"/>\n"
    }

    package enum Anchor: String {
        case start, middle, end
    }

    package mutating func text(
        _ text: String, x: Double, y: Double, size: Double = 12, anchor: Anchor = .start, bold: Bool = false,
        fill: String = "#222222", rotated: Bool = false
    ) {
        body += "<text x=\"\(n(x))\" y=\"\(n(y))\" font-size=\"\(n(size))\" text-anchor=\"\(anchor.rawValue)\" fill=\"\(fill)\""
        if bold { body += " font-weight=\"bold\"" }
        if rotated { body += " transform=\"rotate(-90 \(n(x)) \(n(y)))\"" }
        body += ">\(SVGDocument.escape(text))</text>\n"
    }

    /// The whole file.
    package func finished(title: String, description: String) -> String {
        var svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(n(width))\" height=\"\(n(height))\""
        svg += " viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-labelledby=\"chart-title chart-desc\""
        svg += " font-family=\"\(SVGDocument.fontFamily)\">\n"
        svg += "<title id=\"chart-title\">\(SVGDocument.escape(title))</title>\n"
        svg += "<desc id=\"chart-desc\">\(SVGDocument.escape(description))</desc>\n"
        svg += "<rect x=\"0\" y=\"0\" width=\"\(n(width))\" height=\"\(n(height))\" fill=\"#ffffff\"/>\n"
        return svg + body + "</svg>\n"
    }

    /// Text safe inside an element or an attribute; control characters (not allowed in XML
    /// 1.0) become spaces.
    package static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0xFFFE...0xFFFF).contains(scalar.value) {
                    result += " "
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// A coordinate with at most two decimals, never an exponent (`12.5`, `300`).
    private func n(_ value: Double) -> String {
        let hundredths = NiceStep.clampedInteger((value * 100).rounded())
        return NiceStep.decimalText(hundredths, exponent: -2)
    }
}
