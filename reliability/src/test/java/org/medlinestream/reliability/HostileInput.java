package org.medlinestream.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One file of the hostile corpus, what must become of it, and the records of it that must arrive
 * in the store (PMID to title). A corpus folder lists its files in {@code MANIFEST.jsonl}, one
 * JSON object a line: {@code {"file": ..., "expect": ..., "arrives": {pmid: title}}}.
 */
record HostileInput(String name, byte[] bytes, Expect expect, Map<String, String> arrives) {
  static final String MANIFEST = "MANIFEST.jsonl";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The inputs listed in {@code dir}'s manifest, with their bytes. */
  static List<HostileInput> readAll(Path dir) throws IOException {
    List<HostileInput> inputs = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve(MANIFEST))) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode entry = JSON.readTree(line);
      Map<String, String> arrives = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = entry.path("arrives").fields();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> record = it.next();
        arrives.put(record.getKey(), record.getValue().asText());
      }
      String name = entry.get("file").asText();
      inputs.add(new HostileInput(name, Files.readAllBytes(dir.resolve(name)),
          Expect.valueOf(entry.get("expect").asText()), arrives));
    }
    return inputs;
  }

  /** Writes the inputs and their manifest into {@code dir}. */
  static void writeAll(List<HostileInput> inputs, Path dir) throws IOException {
    Files.createDirectories(dir);
    StringBuilder manifest = new StringBuilder();
    for (HostileInput input : inputs) {
      Files.write(dir.resolve(input.name()), input.bytes());
      manifest.append(input.manifestLine()).append('\n');
    }
    Files.writeString(dir.resolve(MANIFEST), manifest);
  }

  String manifestLine() {
    ObjectNode entry = JSON.createObjectNode();
    entry.put("file", name);
    entry.put("expect", expect.name());
    ObjectNode records = entry.putObject("arrives");
    arrives.forEach(records::put);
    return entry.toString();
  }
}
