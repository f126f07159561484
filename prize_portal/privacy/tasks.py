from prize_portal.tasks import portal_task, queue_sweep

from .services.exports import BUILD_TASK, data_export_build, data_exports_expire, data_exports_waiting


@portal_task(name=BUILD_TASK)
def task_build_data_export(export_id: int) -> str:
    """Build a requested data download; safe to run any number of times."""
    export = data_export_build(export_id=export_id)
    return "built" if export is not None else "skipped"


@portal_task(name="prize_portal.privacy.tasks.task_sweep_data_exports")
def task_sweep_data_exports() -> dict[str, int]:
    """Periodic (Celery beat): build what a lost task left waiting (each at
    most once an hour), and delete the files of expired downloads."""
    queued = queue_sweep(BUILD_TASK, data_exports_waiting(), every=3600)
    return {"queued": queued, "expired": data_exports_expire()}
