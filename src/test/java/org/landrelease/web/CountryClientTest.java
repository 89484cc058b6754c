package org.landrelease.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.landrelease.domain.Role;
import org.landrelease.http.TestServer;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The web client on a ledger of two countries (Ukraine and a synthetic Lebanon): the header's country selector shows
 * one country's figures and fits the map to it, and the donor view says what the donor's money released in each
 * country, with the same numbers as the API.
 */
class CountryClientTest {
  private static String lebanon() {
    return "{\"type\":\"FeatureCollection\",\"country\":{\"code\":\"LB\",\"name\":\"Lebanon\",\"name_uk\":\"Ліван\"},"
        + "\"features\":[{\"type\":\"Feature\",\"properties\":{\"code\":\"LB-AA\",\"name\":\"West\"},\"geometry\":"
        + "{\"type\":\"Polygon\",\"coordinates\":[[[35.5,33.5],[36.0,33.5],[36.0,34.0],[35.5,34.0],[35.5,33.5]]]}}]}";
  }

  @Test
  void theCountrySelectorAndTheDonorViewShowEachCountry() throws Exception {
    Browser.require();
    try (TestServer server = new TestServer()) {
      server.post("/api/partners", "{\"id\":\"HALO\",\"name\":\"HALO Trust\"}");
      var loaded = server.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/countries/LB"))
          .header("Authorization", "Bearer " + server.adminToken)
          .POST(HttpRequest.BodyPublishers.ofString(lebanon())).build());
      assertEquals(201, loaded.status(), loaded.body());
      var grant = server.post("/api/grants", "{\"id\":\"NL-HALO\",\"donor\":\"Netherlands\",\"partner\":\"HALO\","
          + "\"title\":\"Mine action\",\"start\":\"2023-01-01\",\"end\":\"2025-12-31\",\"countries\":[\"UA\",\"LB\"]}");
      assertEquals(201, grant.status(), grant.body());
      for (String[] e : List.of(new String[] {"HAZARD_REPORT", "37.50", "48.10", "0.04"},
          new String[] {"CLEARANCE", "37.50", "48.10", "0.02"}, new String[] {"HAZARD_REPORT", "35.70", "33.70", "0.10"},
          new String[] {"NON_TECHNICAL_SURVEY", "35.70", "33.70", "0.05"})) {
        String g = e[0].equals("HAZARD_REPORT") ? null : "NL-HALO";
        assertEquals(201, server.apply(TestServer.event(UUID.randomUUID().toString(), e[0], "2024-05-01", "HALO", g,
            TestServer.square(Double.parseDouble(e[1]), Double.parseDouble(e[2]), Double.parseDouble(e[3]))))
            .status());
      }
      String donor = server.token("donor-nl-c", Role.DONOR, null, "Netherlands");
      ChromeDriver driver = Browser.start(1280, 800);
      try {
        driver.get(server.base() + "/favicon.svg");
        Browser.js(driver, "localStorage.clear(); localStorage.setItem('ledger.token', arguments[0])", donor);
        Browser.open(driver, server.base() + "/");
        Select country = new Select(driver.findElement(By.id("country")));
        assertTrue(driver.findElement(By.id("country")).isDisplayed(), "two countries: the selector shows");
        assertEquals(3, country.getOptions().size());
        JsonNode lb = server.get("/api/stats/summary?country=LB").json();
        country.selectByValue("LB");
        Browser.waiting(driver, 10).until(d -> lb.get("releasedKm2").asText().equals(
            d.findElement(By.id("sum-releasedKm2")).getAttribute("data-value")));
        assertEquals(lb.get("events").asText(), driver.findElement(By.id("sum-events")).getAttribute("data-value"));
        // the map is fitted to Lebanon
        double lon = ((Number) Browser.js(driver, "return window.landrelease.map.getCenter().lng")).doubleValue();
        assertEquals(35.75, lon, 0.3);
        // the region table lists Lebanon's region only
        assertTrue(driver.findElement(By.id("panel-regions")).getText().contains("West"));
        // the donor view: the Netherlands' money in each country
        Browser.click(driver, By.id("tab-donors"));
        Browser.waiting(driver, 10).until(d -> new Select(d.findElement(By.id("donor"))).getOptions().size() > 1);
        new Select(driver.findElement(By.id("donor"))).selectByValue("Netherlands");
        Browser.waiting(driver, 10).until(d -> !d.findElements(By.cssSelector("#donor-country-table tbody tr"))
            .isEmpty());
        var rows = driver.findElements(By.cssSelector("#donor-country-table tbody tr"));
        assertEquals(2, rows.size());
        JsonNode api = server.as(donor).get("/api/stats/released?by=country&donor=Netherlands").json();
        for (int i = 0; i < 2; i++) {
          String shown = rows.get(i).findElement(By.cssSelector("td[data-value]")).getAttribute("data-value");
          assertEquals(api.get(i).get("km2").asDouble(), Double.parseDouble(shown), 1e-9);
        }
        assertTrue(rows.get(0).getText().contains("Lebanon") && rows.get(1).getText().contains("Ukraine"),
            rows.get(0).getText() + " / " + rows.get(1).getText());
        Browser.screenshot(driver, "en-donors-countries");
      } finally {
        driver.quit();
      }
    }
  }
}
