import FlyingFox

/// Tells open pages to reload after each build, over a WebSocket per page.
actor LiveReload {
    private var listeners: [Int: AsyncStream<Int>.Continuation] = [:]
    private var nextID = 0
    /// Bumped after every build, good or bad.
    private(set) var version = 0

    /// A stream of build versions for one page.
    func subscribe() -> (id: Int, versions: AsyncStream<Int>) {
        let (stream, continuation) = AsyncStream<Int>.makeStream()
        nextID += 1
        listeners[nextID] = continuation
        return (nextID, stream)
    }

    func unsubscribe(_ id: Int) {
        listeners.removeValue(forKey: id)?.finish()
    }

    /// Announces a new build to every open page.
    func publish() {
        version += 1
        for continuation in listeners.values { continuation.yield(version) }
    }
}

/// The WebSocket end of live reload: sends `reload` after each build until the page goes away.
struct LiveReloadSocket: WSMessageHandler {
    let hub: LiveReload

    func makeMessages(for client: AsyncStream<WSMessage>) async throws -> AsyncStream<WSMessage> {
        let (id, versions) = await hub.subscribe()
        let hub = self.hub
        return AsyncStream { continuation in
            let sender = Task {
                for await _ in versions { continuation.yield(.text("reload")) }
                continuation.finish()
            }
            Task {
                for await _ in client {}
                sender.cancel()
                await hub.unsubscribe(id)
                continuation.finish()
            }
        }
    }
}
