#include "extract/read/offset_map.h"

#include <vector>

#include "gtest/gtest.h"

namespace claimcheck {
namespace {

TEST(OffsetMapTest, ExactRunsMergeAndMap) {
  OffsetMap m;
  m.AddExact(0, 10);
  m.AddExact(5, 15);  // continues the first run
  EXPECT_EQ(m.runs().size(), 1u);
  m.AddInexact(8, 40);  // an entity
  m.AddExact(9, 47);
  EXPECT_EQ(m.ToSource(3), 13u);
  EXPECT_EQ(m.ToSource(8), 40u);
  EXPECT_EQ(m.ToSource(9), 47u);
  EXPECT_EQ(m.ToSource(12), 50u);
}

TEST(OffsetMapTest, ComposeLeadsThroughTwoLayers) {
  // inner: decoded string -> file; "ab" at 100, escape at 102 -> 1 byte, "cd" at 104.
  OffsetMap inner;
  inner.AddExact(0, 100);
  inner.AddInexact(2, 102);
  inner.AddExact(3, 104);
  // outer: text -> decoded string; text skips the first byte.
  OffsetMap outer;
  outer.AddExact(0, 1);
  OffsetMap c = outer.ComposeWith(inner);
  EXPECT_EQ(c.ToSource(0), 101u);  // 'b'
  EXPECT_EQ(c.ToSource(1), 102u);  // the escape
  EXPECT_EQ(c.ToSource(2), 104u);  // 'c'
  EXPECT_EQ(c.ToSource(3), 105u);  // 'd'
}

// ComposeInto a map that held other runs, and AppendComposedTo a document, give what
// ComposeWith gives: through an identity map, through a map with gaps and escapes, and
// with an empty inner map.
TEST(OffsetMapTest, ComposeIntoAndAppendComposedToMatchComposeWith) {
  OffsetMap identity;
  identity.AddExact(0, 0);
  OffsetMap layered;
  layered.AddExact(0, 100);
  layered.AddInexact(2, 102);
  layered.AddExact(3, 104);
  layered.AddInexact(9, 200);
  OffsetMap outer;
  outer.AddExact(0, 1);
  outer.AddInexact(4, 3);
  outer.AddExact(5, 6);
  auto runs_of = [](const OffsetMap& m) {
    v1::Document doc;
    m.AppendTo(&doc);
    return doc.SerializeAsString();
  };
  OffsetMap reused;
  reused.AddInexact(0, 999);
  reused.AddExact(7, 5);
  const OffsetMap empty;
  for (const OffsetMap* inner : std::vector<const OffsetMap*>{&identity, &layered, &empty}) {
    const OffsetMap want = outer.ComposeWith(*inner);
    outer.ComposeInto(*inner, &reused);
    EXPECT_EQ(runs_of(reused), runs_of(want));
    v1::Document doc;
    doc.add_offset_map()->set_text_offset(77);  // appended after what is there
    outer.AppendComposedTo(*inner, &doc);
    ASSERT_EQ(doc.offset_map_size(), static_cast<int>(want.runs().size()) + 1);
    for (size_t k = 0; k < want.runs().size(); ++k) {
      EXPECT_EQ(doc.offset_map(k + 1).text_offset(), want.runs()[k].text);
      EXPECT_EQ(doc.offset_map(k + 1).source_offset(), want.runs()[k].source);
      EXPECT_EQ(doc.offset_map(k + 1).exact(), want.runs()[k].exact);
    }
  }
}

TEST(OffsetMapTest, AppendToDocument) {
  OffsetMap m;
  m.AddExact(0, 3);
  m.AddInexact(4, 9);
  v1::Document doc;
  m.AppendTo(&doc, 10);
  ASSERT_EQ(doc.offset_map_size(), 2);
  EXPECT_EQ(doc.offset_map(0).text_offset(), 10u);
  EXPECT_EQ(doc.offset_map(1).source_offset(), 9u);
  EXPECT_FALSE(doc.offset_map(1).exact());
}

}  // namespace
}  // namespace claimcheck
