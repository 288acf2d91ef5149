package org.medlinestream.schemas.registry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medlinestream.schemas.TinySchemas.BREAKING;
import static org.medlinestream.schemas.TinySchemas.V1;
import static org.medlinestream.schemas.TinySchemas.V2;
import static org.medlinestream.schemas.TinySchemas.compact;
import static org.medlinestream.schemas.registry.server.Http.get;
import static org.medlinestream.schemas.registry.server.Http.post;
import static org.medlinestream.schemas.registry.server.Http.put;
import static org.medlinestream.schemas.registry.server.Http.schemaBody;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medlinestream.schemas.registry.server.Http.Response;

/** The HTTP API over an in-memory log: exact answers, error codes and the clients' quirks. */
class SchemaRegistryServerTest {
  private static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final String JAVA_CLIENT_ACCEPT = "text/html, image/gif, image/jpeg, */*; q=0.2";

  private final InMemorySchemaLog schemaLog = new InMemorySchemaLog();
  private SchemaRegistryServer registry;
  private String url;

  @BeforeEach
  void start() {
    registry = new SchemaRegistryServer(schemaLog, "127.0.0.1", 0).start();
    url = registry.url();
  }

  @AfterEach
  void stop() {
    registry.close();
  }

  @Test
  void withBasicAuthRefusesRequestsWithoutTheCredentialsWith401() {
    try (SchemaRegistryServer secured = new SchemaRegistryServer(new InMemorySchemaLog(),
        "127.0.0.1", 0).requireBasicAuth("reader", "s3cret").start()) {
      String subjects = secured.url() + "/subjects";
      assertThat(get(subjects).error(401, JsonRoutes.UNAUTHORIZED)).contains("basic authentication");
      assertThat(Http.send("GET", subjects, null, null, "Authorization",
          "Basic cmVhZGVyOndyb25n").status()).as("reader:wrong").isEqualTo(401);
      Response allowed = Http.send("GET", subjects, null, null, "Authorization",
          "Basic cmVhZGVyOnMzY3JldA=="); // reader:s3cret
      assertThat(allowed.status()).isEqualTo(200);
      assertThat(allowed.body()).isEqualTo("[]");
    }
  }

  @Test
  void registeringAnswers200WithTheIdAndTheSameSchemaKeepsItsIdAcrossSubjects() {
    Response first = post(url + "/subjects/a-value/versions?normalize=false", schemaBody(V1));
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.body()).isEqualTo("{\"id\":1}");
    assertThat(post(url + "/subjects/a-value/versions", schemaBody(V1)).body()).isEqualTo("{\"id\":1}");
    assertThat(post(url + "/subjects/b-value/versions", schemaBody(compact(V1))).body()).isEqualTo("{\"id\":1}");
    assertThat(post(url + "/subjects/a-value/versions", schemaBody(V2)).body()).isEqualTo("{\"id\":2}");
    assertThat(get(url + "/subjects").body()).isEqualTo("[\"a-value\",\"b-value\"]");
    assertThat(get(url + "/subjects/a-value/versions").body()).isEqualTo("[1,2]");
    assertThat(get(url + "/subjects/b-value/versions").body()).isEqualTo("[1]");
  }

  @Test
  void acceptsAnyAcceptHeaderAndBodyContentTypeAndAlwaysAnswersTheRegistryMediaType() {
    for (String contentType : new String[] {MEDIA_TYPE, "application/vnd.schemaregistry+json",
        "application/json", "application/octet-stream"}) {
      Response response = Http.send("POST", url + "/subjects/a-value/versions", schemaBody(V1), contentType,
          "Accept", JAVA_CLIENT_ACCEPT);
      assertThat(response.status()).as(contentType).isEqualTo(200);
      assertThat(response.contentType()).isEqualTo(MEDIA_TYPE);
    }
    Response error = Http.send("GET", url + "/schemas/ids/7", null, null, "Accept", "text/html");
    assertThat(error.contentType()).isEqualTo(MEDIA_TYPE);
    error.error(404, 40403);
  }

  @Test
  void schemaByIdIsCompactJsonWithoutSchemaTypeAndIgnoresUnknownParameters() {
    post(url + "/subjects/a-value/versions", schemaBody(V1));
    Response response = get(url + "/schemas/ids/1?fetchMaxId=false&subject=a-value&whatever=1");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json()).isEqualTo(Http.JSON.createObjectNode().put("schema", compact(V1)));
    assertThat(compact(V1)).doesNotContain(" ");
    assertThat(get(url + "/schemas/ids/1?fetchMaxId=true").json().path("maxId").asInt()).isEqualTo(1);
    assertThat(get(url + "/schemas/ids/99").error(404, 40403)).isEqualTo("Schema 99 not found");
  }

  @Test
  void lookupFindsTheVersionHoldingASchema() {
    post(url + "/subjects/a-value/versions", schemaBody(V1));
    post(url + "/subjects/a-value/versions", schemaBody(V2));
    Response found = post(url + "/subjects/a-value?normalize=false&deleted=false", schemaBody(V2));
    assertThat(found.status()).isEqualTo(200);
    assertThat(found.json()).isEqualTo(versionJson("a-value", 2, 2, V2));
    assertThat(post(url + "/subjects/nobody-value", schemaBody(V1)).error(404, 40401))
        .isEqualTo("Subject 'nobody-value' not found.");
    post(url + "/subjects/b-value", schemaBody(BREAKING)).error(404, 40401);
    post(url + "/subjects/a-value", schemaBody(BREAKING)).error(404, 40403);
  }

  @Test
  void versionsAreFoundByNumberOrLatestAndBadVersionsAreRefused() {
    post(url + "/subjects/a-value/versions", schemaBody(V1));
    post(url + "/subjects/a-value/versions", schemaBody(V2));
    assertThat(get(url + "/subjects/a-value/versions/1").json()).isEqualTo(versionJson("a-value", 1, 1, V1));
    assertThat(get(url + "/subjects/a-value/versions/latest").json()).isEqualTo(versionJson("a-value", 2, 2, V2));
    assertThat(get(url + "/subjects/a-value/versions/-1").json()).isEqualTo(versionJson("a-value", 2, 2, V2));
    assertThat(get(url + "/subjects/a-value/versions/3").error(404, 40402)).isEqualTo("Version 3 not found.");
    assertThat(get(url + "/subjects/a-value/versions/0").error(422, 42202)).contains("'0'");
    get(url + "/subjects/a-value/versions/abc").error(422, 42202);
    get(url + "/subjects/nobody-value/versions/1").error(404, 40401);
    get(url + "/subjects/nobody-value/versions").error(404, 40401);
  }

  @Test
  void compatibilityIsCheckedAgainstTheSubjectsLevelAndEnforcedOnRegistration() {
    post(url + "/subjects/a-value/versions", schemaBody(V1));
    String check = url + "/compatibility/subjects/a-value/versions/latest?normalize=false&verbose=false";
    assertThat(post(check, schemaBody(V2)).body()).isEqualTo("{\"is_compatible\":true}");
    assertThat(post(check, schemaBody(BREAKING)).body()).isEqualTo("{\"is_compatible\":false}");
    JsonNode verbose = post(url + "/compatibility/subjects/a-value/versions/1?verbose=true", schemaBody(BREAKING)).json();
    assertThat(verbose.path("is_compatible").asBoolean()).isFalse();
    assertThat(verbose.path("messages").toString()).contains("year");
    assertThat(post(url + "/compatibility/subjects/nobody-value/versions/latest", schemaBody(BREAKING)).body())
        .isEqualTo("{\"is_compatible\":true}");
    post(url + "/compatibility/subjects/a-value/versions/5", schemaBody(V2)).error(404, 40402);
    post(url + "/compatibility/subjects/nobody-value/versions/1", schemaBody(V2)).error(404, 40401);

    assertThat(post(url + "/subjects/a-value/versions", schemaBody(BREAKING)).error(409, 409))
        .contains("incompatible", "a-value", "year");
    assertThat(put(url + "/config/a-value", "{\"compatibility\":\"NONE\"}").body())
        .isEqualTo("{\"compatibility\":\"NONE\"}");
    assertThat(post(url + "/subjects/a-value/versions", schemaBody(BREAKING)).body()).isEqualTo("{\"id\":2}");
  }

  @Test
  void transitiveLevelsCompareWithEveryEarlierVersion() {
    put(url + "/config/a-value", "{\"compatibility\":\"NONE\"}");
    post(url + "/subjects/a-value/versions", schemaBody(V1));
    post(url + "/subjects/a-value/versions", schemaBody(BREAKING));
    // readable from BREAKING data (title has a default), not from V1 data (year has none)
    String yearAndTitle = V2.replace("\"fields\": [", "\"fields\": [ { \"name\": \"year\", \"type\": \"int\" },");
    String latest = url + "/compatibility/subjects/a-value/versions/latest";
    put(url + "/config/a-value", "{\"compatibility\":\"BACKWARD\"}");
    assertThat(post(latest, schemaBody(yearAndTitle)).json().path("is_compatible").asBoolean()).isTrue();
    put(url + "/config/a-value", "{\"compatibility\":\"BACKWARD_TRANSITIVE\"}");
    assertThat(post(latest, schemaBody(yearAndTitle)).json().path("is_compatible").asBoolean()).isFalse();
    put(url + "/config/a-value", "{\"compatibility\":\"FULL_TRANSITIVE\"}");
    assertThat(post(latest, schemaBody(yearAndTitle)).json().path("is_compatible").asBoolean()).isFalse();
    put(url + "/config/a-value", "{\"compatibility\":\"FORWARD_TRANSITIVE\"}");
    assertThat(post(latest, schemaBody(yearAndTitle)).json().path("is_compatible").asBoolean()).isTrue();
  }

  @Test
  void configAnswers40408ForASubjectWithoutItsOwnLevel() {
    assertThat(get(url + "/config").body()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
    assertThat(get(url + "/config/a-value").error(404, 40408))
        .isEqualTo("Subject 'a-value' does not have subject-level compatibility configured");
    assertThat(get(url + "/config/a-value?defaultToGlobal=true").body()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
    assertThat(put(url + "/config/a-value", "{\"compatibility\":\"full\"}").body()).isEqualTo("{\"compatibility\":\"FULL\"}");
    assertThat(get(url + "/config/a-value").body()).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
    assertThat(put(url + "/config", "{\"compatibility\":\"FORWARD_TRANSITIVE\"}").body())
        .isEqualTo("{\"compatibility\":\"FORWARD_TRANSITIVE\"}");
    assertThat(get(url + "/config").body()).isEqualTo("{\"compatibilityLevel\":\"FORWARD_TRANSITIVE\"}");
    assertThat(put(url + "/config/a-value", "{\"compatibility\":\"SIDEWAYS\"}").error(422, 42203))
        .startsWith("Invalid compatibility level");
    put(url + "/config", "{}").error(422, 42203);
  }

  @Test
  void invalidRequestsGetTheirErrorCodes() throws Exception {
    assertThat(post(url + "/subjects/a-value/versions", schemaBody("{\"type\":\"record\"}")).error(422, 42201))
        .startsWith("Invalid schema");
    post(url + "/subjects/a-value/versions", "{}").error(422, 42201);
    post(url + "/subjects/a-value/versions", "{\"schema\":\"syntax = \\\"proto3\\\";\",\"schemaType\":\"PROTOBUF\"}")
        .error(422, 42201);
    post(url + "/subjects/a-value/versions", Http.JSON.createObjectNode().put("schema", V1)
        .set("references", Http.JSON.readTree("[{\"name\":\"x\",\"subject\":\"y\",\"version\":1}]")).toString())
        .error(422, 42201);
    post(url + "/subjects/a-value/versions", "{not json").error(400, 400);
    get(url + "/no/such/path").error(404, 404);
    Http.send("DELETE", url + "/subjects/a-value/versions", null, null).error(405, 405);
  }

  @Test
  void answersHaveNoNullFields() {
    post(url + "/subjects/a-value/versions", schemaBody(V1));
    for (Response response : new Response[] {get(url + "/schemas/ids/1"), get(url + "/subjects/a-value/versions/1"),
        post(url + "/subjects/a-value", schemaBody(V1)), get(url + "/config"), get(url + "/config/a-value"),
        get(url + "/schemas/ids/5")}) {
      assertThat(response.body()).doesNotContain("null");
    }
  }

  @Test
  void aRegistryStartedAgainOnTheSameLogKeepsEveryId() {
    post(url + "/subjects/a-value/versions", schemaBody(V1));
    post(url + "/subjects/a-value/versions", schemaBody(V2));
    put(url + "/config/b-value", "{\"compatibility\":\"NONE\"}");
    registry.close();

    registry = new SchemaRegistryServer(schemaLog, "127.0.0.1", 0).start();
    url = registry.url();
    assertThat(get(url + "/schemas/ids/2").json().path("schema").asText()).isEqualTo(compact(V2));
    assertThat(post(url + "/subjects/a-value/versions", schemaBody(V1)).body()).isEqualTo("{\"id\":1}");
    assertThat(post(url + "/subjects/b-value/versions", schemaBody(BREAKING)).body()).isEqualTo("{\"id\":3}");
    assertThat(get(url + "/config/b-value").body()).isEqualTo("{\"compatibilityLevel\":\"NONE\"}");
  }

  @Test
  void urlEncodedSubjectsAreDecoded() {
    assertThat(post(url + "/subjects/medline.citations%2Bv-value/versions", schemaBody(V1)).status()).isEqualTo(200);
    assertThat(get(url + "/subjects").body()).isEqualTo("[\"medline.citations+v-value\"]");
  }

  private static JsonNode versionJson(String subject, int version, int id, String schema) {
    return Http.JSON.createObjectNode().put("subject", subject).put("version", version).put("id", id)
        .put("schema", compact(schema));
  }
}
