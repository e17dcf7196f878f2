import Foundation

/// A strict, allocation-light ISO 8601 parser: `YYYY-MM-DD` optionally followed by
/// `THH:MM:SS`, an optional fraction (up to microseconds), and `Z` or `±HH:MM`.
enum ISO8601Parsing {
    static func microseconds(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        var index = 0
        func number(_ digits: Int) -> Int? {
            guard index + digits <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[index..<index + digits] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            index += digits
            return value
        }
        func expect(_ character: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == character else { return false }
            index += 1
            return true
        }
        guard let year = number(4), expect(45), let month = number(2), expect(45), let day = number(2),
            (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day)
        else { return nil }
        var seconds = daysFromCivil(year: year, month: month, day: day) * 86_400
        guard index < bytes.count else { return Int64(seconds) * 1_000_000 }
        guard expect(84) || expect(116) || expect(32), let hour = number(2), expect(58), let minute = number(2),
            expect(58), let second = number(2), hour < 24, minute < 60, second < 61
        else { return nil }
        seconds += hour * 3_600 + minute * 60 + second
        var micros = 0
        if expect(46) {
            var scale = 100_000
            let start = index
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                if scale > 0 { micros += Int(bytes[index] - 48) * scale }
                scale /= 10
                index += 1
            }
            guard index > start, index - start <= 9 else { return nil }
        }
        if expect(90) || expect(122) {
        } else if index < bytes.count, bytes[index] == 43 || bytes[index] == 45 {
            let sign = bytes[index] == 43 ? 1 : -1
            index += 1
            guard let offsetHours = number(2), expect(58), let offsetMinutes = number(2) else { return nil }
            seconds -= sign * (offsetHours * 3_600 + offsetMinutes * 60)
        } else {
            return nil
        }
        guard index == bytes.count else { return nil }
        return Int64(seconds) * 1_000_000 + Int64(micros)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
