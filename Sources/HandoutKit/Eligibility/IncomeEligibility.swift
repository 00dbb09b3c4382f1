/// Partners whose income limit (a percent of the poverty guidelines) the client's household
/// is above are left out of what a client is offered (`PartnerSelection.rank` drops them
/// before the per-need cap); a handout says so in one line, and `handout list partners`
/// shows each with its limit.
public struct PartnerOffer: Sendable {
    /// The partners the client is offered, in the listing's order.
    public var offered: [PartnerMatch]
    /// Partners that fit everything but the income limit.
    public var leftOutByIncome: [Partner]
    /// The household's income as a percent of poverty, when it was given.
    public var incomePercent: Double?

    public init(offered: [PartnerMatch], leftOutByIncome: [Partner] = [], incomePercent: Double? = nil) {
        self.offered = offered
        self.leftOutByIncome = leftOutByIncome
        self.incomePercent = incomePercent
    }

    /// Who a client is offered: the ranking's kept partners for the query, with the
    /// household's income as a percent of the poverty guidelines in effect on `today` for the
    /// client's state.
    public static func make(
        _ directory: Directory, query: PartnerQuery, household: Household?, guidelines: PovertyGuidelines?, today: Day
    ) -> PartnerOffer {
        let query = withIncome(query, household: household, guidelines: guidelines, today: today)
        // Partners of other categories would only be dropped, and an offer lists no dropped
        // partner but those over the income limit.
        return PartnerOffer(PartnerSelection.rank(directory.partners(offering: Set(query.categories)), for: query), incomePercent: query.incomePercent)
    }

    /// `query` with the household's income as a percent of the poverty guidelines in effect
    /// on `today` for the client's state, when both are known.
    static func withIncome(_ query: PartnerQuery, household: Household?, guidelines: PovertyGuidelines?, today: Day) -> PartnerQuery {
        var query = query
        if let household, let guidelines {
            query.incomePercent = guidelines.percent(of: household, state: query.location?.state, on: today)
        }
        return query
    }

    /// The ranking's kept partners, and those it left out for the household's income.
    init(_ ranking: PartnerRanking, incomePercent: Double?) {
        let leftOut = ranking.entries.compactMap { entry -> Partner? in
            if case .overIncomeLimit = entry.outcome { return entry.partner }
            return nil
        }
        self.init(offered: ranking.kept, leftOutByIncome: leftOut, incomePercent: incomePercent)
    }
}

public enum IncomeEligibility {
    /// Whether the partner's limit excludes a household at `incomePercent` of poverty; a
    /// partner without a limit serves any income, and one exactly at its limit is served.
    public static func excludes(_ partner: Partner, incomePercent: Double) -> Bool {
        guard let limit = partner.eligibility?.maxIncomeFPLPercent else { return false }
        return incomePercent > limit
    }

    /// 187.44 → "187.4", 200 → "200": one decimal, so 125.4 never reads as a limit of 125.
    /// From a million percent up, "1000000+": an income of 1e300 dollars is a valid number
    /// too, and must neither trap converting to Int nor print 300 digits.
    public static func display(_ percent: Double) -> String {
        if percent >= 1_000_000 { return "1000000+" }
        let tenths = (percent * 10).rounded() / 10
        return Int(exactly: tenths).map(String.init) ?? String(format: "%.1f", tenths)
    }
}
