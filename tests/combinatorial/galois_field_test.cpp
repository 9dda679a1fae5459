// GF(q) arithmetic: the field laws the orthogonal arrays rely on.
#include <gtest/gtest.h>

#include "generators/combinatorial/galois_field.hpp"

namespace glassbox::generators::combinatorial::detail {
namespace {

TEST(GaloisField, ExistsExactlyForPrimePowers) {
  for (std::size_t q : {2, 3, 4, 5, 7, 8, 9, 11, 16, 25, 27, 49, 64, 81, 125, 128, 243, 256})
    EXPECT_TRUE(GaloisField::of_order(q).has_value()) << q;
  for (std::size_t q : {0, 1, 6, 10, 12, 15, 100, 257}) EXPECT_FALSE(GaloisField::of_order(q).has_value()) << q;
}

TEST(GaloisField, SatisfiesTheFieldLaws) {
  for (std::size_t q : {4, 8, 9, 16, 25, 27}) {
    auto f = *GaloisField::of_order(q);
    for (std::size_t a = 0; a < q; ++a) {
      EXPECT_EQ(f.add(a, 0), a);
      EXPECT_EQ(f.mul(a, 1), a);
      std::size_t inverses = 0, negatives = 0;
      for (std::size_t b = 0; b < q; ++b) {
        inverses += f.mul(a, b) == 1;
        negatives += f.add(a, b) == 0;
        EXPECT_EQ(f.mul(a, b), f.mul(b, a));
        for (std::size_t c = 0; c < q; ++c) EXPECT_EQ(f.mul(a, f.add(b, c)), f.add(f.mul(a, b), f.mul(a, c)));
      }
      EXPECT_EQ(inverses, a == 0 ? 0u : 1u) << "q=" << q << " a=" << a;
      EXPECT_EQ(negatives, 1u);
    }
  }
}

TEST(GaloisField, FindsTheNextPrimePower) {
  EXPECT_EQ(prime_power_at_least(6), 7u);
  EXPECT_EQ(prime_power_at_least(10), 11u);
  EXPECT_EQ(prime_power_at_least(14), 16u);
  EXPECT_EQ(prime_power_at_least(1), 2u);
  EXPECT_FALSE(prime_power_at_least(258).has_value());
}

}  // namespace
}  // namespace glassbox::generators::combinatorial::detail
