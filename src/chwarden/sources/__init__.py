"""Everything that turns a target into facts: live SQL (``live``), the network (``network``, and the
audit's port probe ``probe``), config files and deployments (``configfiles``, ``localconfig``), and
the merge of live and config facts (``merge``). The only floor that talks to targets."""
