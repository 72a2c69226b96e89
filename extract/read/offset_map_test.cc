#include "extract/read/offset_map.h"

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
