package org.medlinestream.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * What the Maven build says about the deployment: the container image that the {@code image}
 * profile of app/pom.xml builds, and the Kafka version of the root pom.
 */
final class Poms {
  private static final String JIB = "//profile[id='image']//plugin[artifactId='jib-maven-plugin']"
      + "/configuration";

  private Poms() {}

  /** The image's name and tag as built ({@code medline-stream:0.1.0-SNAPSHOT}). */
  static String imageName() {
    Document app = read("app/pom.xml");
    return text(app, "//profile[id='image']/properties/image.name")
        .replace("${project.version}", text(app, "/project/parent/version"));
  }

  static List<Integer> imagePorts() {
    return texts(read("app/pom.xml"), JIB + "/container/ports/port").stream()
        .map(Integer::parseInt).toList();
  }

  /** {@code uid:gid}. */
  static String imageUser() {
    return text(read("app/pom.xml"), JIB + "/container/user");
  }

  static String imageMainClass() {
    return text(read("app/pom.xml"), JIB + "/container/mainClass");
  }

  static String kafkaVersion() {
    return text(read("pom.xml"), "/project/properties/kafka.version");
  }

  private static Document read(String pom) {
    Path file = DeployFiles.repositoryDir().resolve(pom);
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(file.toFile());
    } catch (Exception e) {
      throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static String text(Document pom, String xpath) {
    List<String> texts = texts(pom, xpath);
    if (texts.size() != 1) {
      throw new AssertionError("expected one " + xpath + " in the pom, found " + texts);
    }
    return texts.get(0);
  }

  private static List<String> texts(Document pom, String xpath) {
    XPath path = XPathFactory.newInstance().newXPath();
    try {
      NodeList nodes = (NodeList) path.evaluate(xpath, pom, XPathConstants.NODESET);
      List<String> texts = new ArrayList<>();
      for (int i = 0; i < nodes.getLength(); i++) {
        texts.add(nodes.item(i).getTextContent().strip());
      }
      return texts;
    } catch (XPathExpressionException e) {
      throw new IllegalArgumentException(xpath, e);
    }
  }
}
