// The errors of inputs and their classes, checked verbatim with their location.
#include <gtest/gtest.h>

#include "tests/loader/loader_test_support.hpp"

namespace glassbox::loader {
namespace {

using testing::load_error;

TEST(LoaderInputErrors, MinGreaterThanMaxIsReportedAtMin) {
  EXPECT_EQ(load_error(R"(suite: t
targets: {demo: builtin:demo}
inputs:
  a: {type: int, min: 10, max: 5}
requests: {r: {path: "/{{a}}"}}
)"),
            "suite.yaml:4:23: 'min' (10) is greater than 'max' (5)");
  EXPECT_EQ(load_error(R"(suite: t
targets: {demo: builtin:demo}
inputs:
  day: {type: date, min: "2020-03-01", max: "2020-02-01"}
requests: {r: {path: "/{{day}}"}}
)"),
            "suite.yaml:4:26: 'min' (2020-03-01) is greater than 'max' (2020-02-01)");
  EXPECT_EQ(load_error(R"(suite: t
targets: {demo: builtin:demo}
inputs:
  a:
    type: int
    partitions:
      valid:
        small: {min: 9, max: 1}
requests: {r: {path: "/{{a}}"}}
)"),
            "suite.yaml:8:22: 'min' (9) is greater than 'max' (1)");
}

TEST(LoaderInputErrors, TypeSpecificKeysOnOtherTypesSayWhereTheyApply) {
  EXPECT_EQ(load_error(R"(suite: t
targets: {demo: builtin:demo}
inputs:
  a: {type: int, step: 0.5}
requests: {r: {path: "/{{a}}"}}
)"),
            "suite.yaml:4:18: 'step' applies to number inputs only");
  EXPECT_EQ(load_error(R"(suite: t
targets: {demo: builtin:demo}
inputs:
  name: {type: string, max: 5}
requests: {r: {path: "/{{name}}"}}
)"),
            "suite.yaml:4:24: 'max' applies to int, number and date inputs only (strings use 'max_length')");
  EXPECT_EQ(load_error(R"(suite: t
targets: {demo: builtin:demo}
inputs:
  n: {type: number, values: [1, 2]}
requests: {r: {path: "/{{n}}"}}
)"),
            "suite.yaml:4:21: 'values' applies to enum inputs only (to list values of a class, use partitions)");
}

TEST(LoaderInputErrors, EnumNeedsUniqueValues) {
  EXPECT_EQ(load_error(R"(suite: t
targets: {demo: builtin:demo}
inputs:
  level: {type: enum}
requests: {r: {path: "/{{level}}"}}
)"),
            "suite.yaml:4:10: enum input 'level' needs 'values', the list of its allowed values");
  EXPECT_EQ(load_error(R"(suite: t
targets: {demo: builtin:demo}
inputs:
  level: {type: enum, values: []}
requests: {r: {path: "/{{level}}"}}
)"),
            "suite.yaml:4:31: 'values' must list at least one value");
  EXPECT_EQ(load_error(R"(suite: t
targets: {demo: builtin:demo}
inputs:
  level: {type: enum, values: [gold, silver, gold]}
requests: {r: {path: "/{{level}}"}}
)"),
            "suite.yaml:4:46: 'values' lists 'gold' twice");
}

TEST(LoaderInputErrors, UnknownInputTypeSuggestsATypeName) {
  EXPECT_EQ(load_error(R"(suite: t
targets: {demo: builtin:demo}
inputs:
  a: {type: integer}
requests: {r: {path: "/{{a}}"}}
)"),
            "suite.yaml:4:13: unknown input type 'integer' (did you mean 'int'?)");
}

TEST(LoaderInputErrors, NominalMustBeValidForTheInput) {
  EXPECT_EQ(load_error(R"(suite: t
targets: {demo: builtin:demo}
inputs:
  a: {type: int, min: 1, max: 200, nominal: 500}
requests: {r: {path: "/{{a}}"}}
)"),
            "suite.yaml:4:45: 'nominal' (500) is above 'max' (200)");
  EXPECT_EQ(load_error(R"(suite: t
targets: {demo: builtin:demo}
inputs:
  tier: {type: enum, values: [gold, silver], nominal: bronze}
requests: {r: {path: "/{{tier}}"}}
)"),
            "suite.yaml:4:55: 'nominal' must be one of 'values' (\"gold\", \"silver\"), got 'bronze'");
}

TEST(LoaderInputErrors, ClassNamesAreUniqueAcrossValidAndInvalid) {
  EXPECT_EQ(load_error(R"(suite: t
targets: {demo: builtin:demo}
inputs:
  a:
    type: int
    partitions:
      valid: {small: {max: 9}}
      invalid: {small: {max: 0}}
requests: {r: {path: "/{{a}}"}}
)"),
            "suite.yaml:8:17: class 'small' is declared twice in input 'a' (first at line 7); valid and invalid "
            "classes share one set of names");
  EXPECT_EQ(load_error(R"(suite: t
targets: {demo: builtin:demo}
inputs:
  a:
    type: int
    partitions:
      invalid: {negative: {max: -1}}
requests: {r: {path: "/{{a}}"}}
)"),
            "suite.yaml:7:7: partitions of input 'a' need at least one valid class");
}

}  // namespace
}  // namespace glassbox::loader
