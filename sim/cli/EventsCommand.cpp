/// @file
/// @brief `hgdrill events`: the event catalogue (every event type with its actors and payload fields),
/// as a table or as the Markdown of docs/formats.md.
#include "sim/cli/Command.hpp"
#include "sim/io/EventTypes.hpp"

#include <iostream>

namespace hg::cli {

Runner add_events_command(CLI::App& app) {
  auto markdown = std::make_shared<bool>(false);
  CLI::App* c = app.add_subcommand("events", "List every event type of the log / 事件类型目录");
  c->add_flag("--markdown", *markdown, "Print the Markdown tables of docs/formats.md");
  return [markdown] {
    if (*markdown) {
      std::cout << event_catalog_markdown();
      return int(kOk);
    }
    for (const auto& e : event_catalog()) {
      std::cout << e.type << "  " << e.actors << "  (" << e.origin << ")\n    " << e.meaning << "\n";
      for (const auto& f : e.fields)
        std::cout << "    - " << f.name << (f.unit.empty() ? "" : " [" + f.unit + "]")
                  << (f.meaning.empty() ? "" : ": " + f.meaning) << "\n";
    }
    return int(kOk);
  };
}

} // namespace hg::cli
