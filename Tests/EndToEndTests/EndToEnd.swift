import Testing

/// Every end-to-end suite hangs below this one, so that they run one after another: some of
/// them measure time (cancellation, progress, signals) and the machine has two cores.
@Suite(.serialized) enum EndToEnd {}
