import Foundation
import GongkaiModel
import Synchronization

/// Site search's files as the page registry lists them. The index is the costliest part of the registry, and a
/// rebuild whose search inputs did not change (a template edited, nothing at all) keeps every one of its files: given
/// the layout those files had, the index is made only if one of them has to be rendered again.
package final class SearchFiles: Sendable {
    package let layout: SearchLayout
    private let site: Site
    private let made: Mutex<SearchIndex?>

    /// - Parameter layout: the layout of the index as the last build made it from the same inputs; nil makes it now.
    package init(site: Site, layout: SearchLayout?) {
        self.site = site
        if let layout {
            self.layout = layout
            made = Mutex(nil)
        } else {
            let index = SearchIndex(site: site)
            self.layout = index.layout
            made = Mutex(index)
        }
    }

    /// The index, made on first use (by one caller; the others wait for it).
    package var index: SearchIndex {
        made.withLock { index in
            if index == nil { index = SearchIndex(site: site) }
            return index!
        }
    }

    /// Whether the index has been made (for tests: a rebuild that keeps its files must not make it).
    package var isMade: Bool { made.withLock { $0 != nil } }

    package func shard(_ number: Int) -> Data { let index = index; return number < index.shards.count ? index.shards[number] : Data() }
    package func list(_ number: Int) -> Data { let index = index; return number < index.lists.count ? index.lists[number] : Data() }
    package func chunk(_ number: Int) -> Data { let index = index; return number < index.chunkStarts.count ? index.chunkJSON(number) : Data() }
}
