"""A team lead's view of the team: each member's workload (:mod:`desktop.team.workload_window`
over :mod:`desktop.team.workload_model`), and distributing or rebalancing leads after
seeing the plan (:mod:`desktop.team.plan_dialog`)."""
