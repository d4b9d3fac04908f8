.class public abstract Lcom/q/Base;
.super Ljava/lang/Object;
.source "Base.java"

# interfaces
.implements Lcom/q/Task;

.method public constructor <init>()V
    .registers 1
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method
