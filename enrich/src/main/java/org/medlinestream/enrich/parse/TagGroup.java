package org.medlinestream.enrich.parse;

import java.util.HashMap;
import java.util.Map;
import org.medlinestream.avro.Citation;

/**
 * Tags that fill one part of the model together, each in a role: FAU, AU, AUID, AD and CN for the
 * authors; OTO and OT for the keywords. The group is written as a whole, in model order, at the
 * place of its first tag in the table.
 *
 * @param <K> what tells the roles apart
 */
abstract class TagGroup<K> {
  private volatile Map<K, MedlineTag> tags;

  /** The mapping of the tag that plays {@code role} in this group. */
  final TagMapping role(K role) {
    return new Role(role);
  }

  /** The (first) tag that plays {@code role} in this group, or null if none does. */
  final MedlineTag tag(K role) {
    Map<K, MedlineTag> byRole = tags;
    if (byRole == null) {
      byRole = new HashMap<>();
      for (MedlineTag tag : MedlineTag.values()) {
        if (tag.mapping() instanceof TagGroup<?>.Role r && r.group() == this) {
          @SuppressWarnings("unchecked")
          K key = (K) r.key;
          byRole.putIfAbsent(key, tag);
        }
      }
      tags = byRole;
    }
    return byRole.get(role);
  }

  abstract void read(CitationDraft draft, K role, MedlineTag tag, String value);

  abstract void write(Citation citation, MedlineLines out);

  private final class Role implements TagMapping {
    private final K key;

    Role(K key) {
      this.key = key;
    }

    TagGroup<K> group() {
      return TagGroup.this;
    }

    @Override
    public void read(CitationDraft draft, MedlineTag tag, String value) {
      TagGroup.this.read(draft, key, tag, value);
    }

    @Override
    public void write(Citation citation, MedlineTag tag, MedlineLines out) {
      TagGroup.this.write(citation, out);
    }

    @Override
    public Object section() {
      return TagGroup.this;
    }
  }
}
