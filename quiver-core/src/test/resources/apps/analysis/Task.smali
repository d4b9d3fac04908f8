.class public interface abstract Lcom/q/Task;
.super Ljava/lang/Object;
.source "Task.java"

.method public abstract run()V
.end method
