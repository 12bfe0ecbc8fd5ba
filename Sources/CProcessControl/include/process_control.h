#ifndef CARNET_PROCESS_CONTROL_H
#define CARNET_PROCESS_CONTROL_H

/// Makes the calling process the "child subreaper" of its descendants (Linux): a process they
/// started that loses its parent becomes its child instead of init's, so that it can be found
/// and ended. Returns 0 on success, -1 where this is not supported. (prctl is variadic, which
/// Swift cannot call.)
int carnet_become_child_subreaper(void);

#endif
