import Analysis

extension StudyKeys {
    /// [need]: the weights of the need score's indicators, each ranked within the study (percentile rank).
    static let need: [StudyKey] = NeedIndicator.allCases.map { i in
        let w = NeedWeights()[i]
        return StudyKey(
            "need.\(i.rawValue)", default: StudyValue.number(w).description, value: .number(w),
            allowed: "0 to 1 (0 leaves it out; the weights are rescaled to sum to 1)", domain: .number(0...1),
            source: assumption + " (weight of the \(i.label))", methodPage: true)
    }
}
