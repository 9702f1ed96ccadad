// Speaker attribution on hand-built claims: each case places one claim on
// a phrase of the text (no quantity recognizer involved) and checks the
// speaker the Attributor gives it. Cases are grouped by pattern; the
// negatives at the end must stay the publisher's own (speaker null).
#include <catch2/catch.hpp>

#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include "extractor/attribution/attributor.h"
#include "extractor/text/segmenter.h"

using namespace claimex;

namespace {

struct Case {
  const char* text;
  const char* mention;      // the claim; its first occurrence
  const char* name;         // expected Speaker::name, nullptr: no speaker
  const char* type = "";    // expected type, "" = not checked
  const char* role = "";    // a substring the role must contain
};

std::optional<Speaker> SpeakerOf(std::string_view text, std::string_view mention) {
  static const Segmenter segmenter;
  static const Attributor attributor;
  Segmentation seg = segmenter.Segment(text);
  std::size_t pos = text.find(mention);
  REQUIRE(pos != std::string_view::npos);
  Claim claim;
  claim.quantity.span = Span{pos, pos + mention.size()};
  claim.sentence = seg.SentenceAt(pos);
  std::vector<Claim> claims{claim};
  attributor.Attribute(text, seg, claims);
  return claims[0].speaker;
}

void Check(const Case& c) {
  INFO("text: " << c.text << "\nclaim: " << c.mention);
  std::optional<Speaker> s = SpeakerOf(c.text, c.mention);
  if (!c.name) {
    CHECK_FALSE(s.has_value());
    if (s) INFO("got " << s->name);
    return;
  }
  REQUIRE(s.has_value());
  INFO("got name '" << s->name << "' role '" << s->role << "' type " << ToString(s->type));
  CHECK(s->name == c.name);
  if (*c.type) CHECK(ToString(s->type) == c.type);
  if (*c.role) CHECK(s->role.find(c.role) != std::string::npos);
  // Spans point at the text.
  CHECK(s->cue_span.end <= std::string_view(c.text).size());
  CHECK(s->cue == std::string(std::string_view(c.text).substr(s->cue_span.start, s->cue_span.size())));
}

std::string ReadFixture() {
  std::ifstream in(std::string(CLAIMEX_SOURCE_DIR_T) + "/fixtures/afp-2020-01-29-syria-idlib.txt");
  REQUIRE(in);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

TEST_CASE("reporting clauses: X said, said X, according to X", "[attribution]") {
  const Case cases[] = {
      {"Some 300 people fled, the United Nations says.", "300", "United Nations", "organization"},
      {"Some 300 people fled, said UN spokesman Stephane Dujarric on Monday.", "300", "Stephane Dujarric",
       "person", "UN spokesman"},
      {"At least 20 people died, according to the health ministry.", "20", "health ministry", "organization"},
      {"According to the Red Cross, 40 houses burned.", "40", "Red Cross", "organization"},
      {"Officials say 12 bridges are closed.", "12", "Officials", "anonymous"},
      {"The ministry said in a statement that 50 schools had closed.", "50", "ministry", "organization"},
      {"In a report released on Tuesday, the World Bank said growth would slow to 2 percent.", "2 percent",
       "World Bank", "organization"},
      {"Port director Yusuf Demir told Reuters that 70 ships were waiting.", "70", "Yusuf Demir", "person",
       "Port director"},
      {"The toll, given by the civil defence, rose to 45.", "45", "civil defence", ""},
      {"Some 5,000 people were evacuated, firefighters said.", "5,000", "firefighters", "anonymous"},
      {"The firm was quoted as saying that 300 jobs would go.", "300", "firm", ""},
      {"The Syrian Observatory for Human Rights put the toll at 33.", "33",
       "Syrian Observatory for Human Rights", "organization"},
      {"Turkey has taken in 3.6 million refugees, the UN refugee agency estimated.", "3.6 million",
       "UN refugee agency", "organization"},
      {"The company, which employs 3,000 people, said profits rose 12%.", "12%", "company", "organization"},
      {"The report, published by Oxfam on Monday, said 26 billionaires own as much as half.", "26",
       "report by Oxfam", "document"},
      {"Brazil recorded 72,843 fires, the National Institute for Space Research (INPE) said.", "72,843",
       "National Institute for Space Research", "organization"},
      {"Some 12 died, according to the Britain-based Syrian Observatory for Human Rights.", "12",
       "Syrian Observatory for Human Rights", "organization"},
      {"A U.N. official, speaking on condition of anonymity, said 40 trucks were stuck.", "40", "U.N. official",
       "anonymous"},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("each claim takes the clause facing it", "[attribution]") {
  const Case cases[] = {
      // An opening clause covers what follows it, a closing one what precedes it.
      {"Johnson said 20,000 officers would be hired, a pledge Labour said would cost £1 billion.", "20,000",
       "Johnson"},
      {"Johnson said 20,000 officers would be hired, a pledge Labour said would cost £1 billion.",
       "£1 billion", "Labour"},
      {"The interior ministry put the turnout at 1.28 million, while the CGT union said 3.5 million marched.",
       "1.28 million", "interior ministry"},
      {"The interior ministry put the turnout at 1.28 million, while the CGT union said 3.5 million marched.",
       "3.5 million", "CGT union"},
      // The sentence's closing clause reports the inner one too.
      {"The county has confirmed 12 deaths, officials said.", "12", "officials"},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("names and roles in apposition and before the name", "[attribution]") {
  const Case cases[] = {
      {"At least 20,000 of them have moved, said UN Undersecretary General for Humanitarian Affairs Mark "
       "Lowcock on Wednesday.",
       "20,000", "Mark Lowcock", "person", "UN Undersecretary General for Humanitarian Affairs"},
      {"Some 500 trucks crossed, Mark Lowcock, the UN aid chief, said.", "500", "Mark Lowcock", "person",
       "UN aid chief"},
      {"Some 500 trucks crossed, said Rami Abdel Rahman, head of the Syrian Observatory.", "500",
       "Rami Abdel Rahman", "person", "head of the Syrian Observatory"},
      {"Police seized 240 kg of cocaine, a spokesman for the national police, Carlos Medina, said.", "240 kg",
       "Carlos Medina", "person", "spokesman"},
      {"Rebels hold 40% of the country, army chief Gen. Paul Mensah said.", "40%", "Paul Mensah", "person",
       "army chief"},
      {"Under 30% of adults are vaccinated, said Dr Lena Ortiz, the regional health director.", "30%",
       "Lena Ortiz", "person", "regional health director"},
      {"The United Nations refugee agency, UNHCR, said 70.8 million people were displaced.", "70.8 million",
       "UNHCR", "organization", "refugee agency"},
      {"State news agency SANA said 14 soldiers were killed.", "14", "SANA", "organization", "news agency"},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("quotes: speaker before, after, and following quotes", "[attribution]") {
  const Case cases[] = {
      {"Fire chief Ana Ribeiro said: \"More than 600 firefighters are on the ground.\"", "600", "Ana Ribeiro",
       "person", "Fire chief"},
      {"\"Our takings are down 40 per cent,\" said Tom Harding, who runs a cafe. \"The rent alone is £2,300 a "
       "month.\"",
       "£2,300", "Tom Harding", "person"},
      {"\u201cWe are admitting 300 new patients a day,\u201d says Dr Marco Rossi. \u201cAll 60 of our beds "
       "are full.\u201d",
       "60", "Marco Rossi", "person"},
      {"\"Twelve villages fell. We lost 80 men,\" the commander, Omar Haddad, told AFP.", "80", "Omar Haddad",
       "person", "commander"},
      {"Mayor Lucia Ferraro told reporters on Monday: \"Fifteen bridges are closed. About 8,000 homes have no "
       "water.\"",
       "8,000", "Lucia Ferraro", "person", "Mayor"},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("references back: pronouns, surnames, descriptions, its", "[attribution]") {
  const Case cases[] = {
      {"Finance Minister Clara Vos presented the budget. She said 15,000 jobs would be created.", "15,000",
       "Clara Vos", "person"},
      {"Mark Lowcock, the UN aid chief, briefed the council. Lowcock said 500 trucks had crossed.", "500",
       "Mark Lowcock", "person"},
      {"The World Food Programme said food prices rose. The agency warned that 2 million could go hungry.",
       "2 million", "World Food Programme", "organization"},
      {"The International Energy Agency published its report. Coal demand will reach 8 billion tonnes, the "
       "agency said.",
       "8 billion", "International Energy Agency", "organization"},
      {"UN spokesman Marco Bellini briefed reporters. At least 103 civilians were killed, the spokesman said.",
       "103", "Marco Bellini", "person"},
      {"The Norwegian Refugee Council runs camps. Some 62,000 people live in them, its country director, "
       "Ingrid Solberg, said.",
       "62,000", "Ingrid Solberg", "person", "Norwegian Refugee Council"},
      {"After the recapture, the Syrian army vowed to fight on, and 30 towns would follow, it said in a "
       "statement.",
       "30", "Syrian army", "organization"},
      {"Residents fled, the Syrian Observatory for Human Rights said. Clashes killed 12, the Britain-based "
       "monitor said.",
       "12", "Syrian Observatory for Human Rights", "organization"},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("documents and anonymous sources", "[attribution]") {
  const Case cases[] = {
      {"Two-thirds of voters disapprove, a Reuters/Ipsos poll found.", "Two-thirds", "Reuters/Ipsos poll",
       "document"},
      {"Prices rose 6.5% in December, government data showed on Thursday.", "6.5%", "government data",
       "document"},
      {"Fewer than 4,000 tigers remain, according to a WWF report.", "4,000", "WWF report", "document"},
      {"Figures from the census show 12 percent live alone.", "12 percent", "Figures from the census",
       "document"},
      {"About 6,000 employees will be laid off, a source familiar with the matter said.", "6,000",
       "source familiar with the matter", "anonymous"},
      {"Aid groups warned that 6.7 million people were displaced.", "6.7 million", "Aid groups", "anonymous"},
      {"Health officials reported 1,520 new infections on Wednesday.", "1,520", "Health officials",
       "anonymous"},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("the publisher's own figures stay unattributed", "[attribution]") {
  const Case cases[] = {
      {"The central bank raised its key rate to 5.25 percent on Wednesday.", "5.25", nullptr},
      {"Some 1,400 patients are in hospital. Officials said the wards were full.", "1,400", nullptr},
      {"The Norwegian Refugee Council runs 14 camps in the region. Its director, Ingrid Solberg, said more "
       "were needed.",
       "14", nullptr},
      {"About 500 deaths were reported on Monday.", "500", nullptr},
      {"The company added 500 jobs in May.", "500", nullptr},
      {"Police found 3 bodies in the river.", "3", nullptr},
      {"The quake claimed 50 lives in the region.", "50", nullptr},
      {"The reported toll of 80 was revised.", "80", nullptr},
      {"The spill released an estimated 5,000 barrels of oil.", "5,000", nullptr},
      {"The economy added 200,000 jobs last month.", "200,000", nullptr},
      {"The man, said to be 40, was arrested.", "40", nullptr},
      {"Several villages, which he said were empty, lie 10 km away. The army has 300 tanks.", "300", nullptr},
      {"The agency, which tracks 50 countries, did not say how many had died.", "50", nullptr},
      {"The ministry declined to say whether 20 soldiers had died.", "20", nullptr},
      {"Police arrested 12 people after residents said they heard shots.", "12", nullptr},
      {"In the book he tells of a girl and her 25-year-old brother.", "25-year-old", nullptr},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("the AFP fixture", "[attribution][fixture]") {
  const std::string text = ReadFixture();
  auto speaker = [&](std::string_view mention) { return SpeakerOf(text, mention); };

  auto un = speaker("more than 388,000");
  REQUIRE(un);
  CHECK(un->name == "United Nations");
  CHECK(un->type == SpeakerType::kOrganization);
  CHECK(un->cue == "says");
  CHECK(un->canonical == "United Nations");

  auto lowcock = speaker("At least 20,000");
  REQUIRE(lowcock);
  CHECK(lowcock->name == "Mark Lowcock");
  CHECK(lowcock->type == SpeakerType::kPerson);
  CHECK(lowcock->role == "UN Undersecretary General for Humanitarian Affairs");
  CHECK(lowcock->name_span.of(text) == "Mark Lowcock");

  // "“Unless ... catastrophe,” he told the UN Security Council."
  auto he = speaker("humanitarian catastrophe");
  REQUIRE(he);
  CHECK(he->name == "Mark Lowcock");
  CHECK(he->name_span.of(text) == "he");
  CHECK(he->cue == "told");

  auto army = speaker("continuing the fight");  // "..., it said in a statement."
  REQUIRE(army);
  CHECK(army->name == "Syrian army");
  CHECK(army->type == SpeakerType::kOrganization);

  auto observatory = speaker("locked in clashes");  // "the Britain-based observatory said"
  REQUIRE(observatory);
  CHECK(observatory->name == "Syrian Observatory for Human Rights");

  auto rahman = speaker("within 10 kilometres");
  REQUIRE(rahman);
  CHECK(rahman->name == "Rami Abdel Rahman");
  CHECK(rahman->type == SpeakerType::kPerson);
  CHECK(rahman->role.find("director") != std::string::npos);
  CHECK(rahman->role.find("Syrian Observatory for Human Rights") != std::string::npos);

  auto aid = speaker("nine-year war");
  REQUIRE(aid);
  CHECK(aid->name == "Aid groups");
  CHECK(aid->type == SpeakerType::kAnonymous);

  for (const char* own : {"around 27 towns", "around 70 per cent", "some three million", "Tens of thousands",
                          "almost nine years", "more than half of Idlib"}) {
    INFO(own);
    CHECK_FALSE(speaker(own).has_value());
  }
}
