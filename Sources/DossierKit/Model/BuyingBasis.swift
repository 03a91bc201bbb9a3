/// What the customer buys on (`buying_basis:`): a closed list, so rules read it in any language.
///
/// A customer whose basis is `[price]` alone is a price buyer (see the `price-buyer` rule); free-text
/// `motives` describe the rest in the author's words.
public enum BuyingBasis: String, Keyword {
    case price, quality, service, innovation, relationship, risk, sustainability
}
