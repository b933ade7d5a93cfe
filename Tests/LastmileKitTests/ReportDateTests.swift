import Foundation
import GeoModel
import Testing

@testable import LastmileKit

/// The report's date: SOURCE_DATE_EPOCH (reproducible-builds.org) over the run's start.
@Suite struct ReportDateTests {
    let started = Date(timeIntervalSince1970: 1_795_000_000)

    @Test func withoutTheVariableTheRunStartIsTheDate() throws {
        #expect(try RunReport.reportDate(startedAt: started, environment: [:]) == started)
    }

    @Test func sourceDateEpochWins() throws {
        // 1700000000 s = 2023-11-14T22:13:20Z (date -u -d @1700000000).
        let d = try RunReport.reportDate(startedAt: started, environment: ["SOURCE_DATE_EPOCH": "1700000000"])
        #expect(ISO8601DateFormatter().string(from: d) == "2023-11-14T22:13:20Z")
        #expect(
            try RunReport.reportDate(startedAt: started, environment: ["SOURCE_DATE_EPOCH": "0"])
                == Date(timeIntervalSince1970: 0))
    }

    @Test func aMalformedValueIsAUsageError() {
        for bad in ["", "yesterday", "1.5", "-1"] {
            #expect(throws: LastmileError.self) {
                try RunReport.reportDate(startedAt: started, environment: ["SOURCE_DATE_EPOCH": bad])
            }
        }
        do {
            _ = try RunReport.reportDate(startedAt: started, environment: ["SOURCE_DATE_EPOCH": "1.5"])
        } catch let e as LastmileError {
            #expect(e.exitCode == 64)
            #expect(e.description.contains("SOURCE_DATE_EPOCH"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
